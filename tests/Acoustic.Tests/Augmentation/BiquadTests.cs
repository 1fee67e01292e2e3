using AcousticDistill.Acoustic.Augmentation;
using AcousticDistill.Acoustic.Tests.Audio;

namespace AcousticDistill.Acoustic.Tests.Augmentation;

/// <summary>The RBJ low- and high-pass sections: unit gain in their pass band, none far into their stop band, checked cut-offs.</summary>
public sealed class BiquadTests
{
    private const int Rate = 8000;

    [Fact]
    public void LowPass_PassesDc_AndRemovesATwoOctavesHigherTone()
    {
        var dc = Enumerable.Repeat(0.5f, Rate).ToArray();
        var tone = TestSignals.Sine(2000, Rate, Rate, 0.5f);

        Biquad.LowPass(500, Rate).Apply(dc);
        Biquad.LowPass(500, Rate).Apply(tone);

        Assert.Equal(0.5f, dc[^1], 3);
        Assert.True(TestSignals.Peak(tone, Rate / 2, Rate) < 0.05f);
    }

    [Fact]
    public void HighPass_RemovesDc_AndPassesAHighTone()
    {
        var dc = Enumerable.Repeat(0.5f, Rate).ToArray();
        var tone = TestSignals.Sine(2000, Rate, Rate, 0.5f);

        Biquad.HighPass(300, Rate).Apply(dc);
        Biquad.HighPass(300, Rate).Apply(tone);

        Assert.True(Math.Abs(dc[^1]) < 1e-3f);
        Assert.InRange(TestSignals.Peak(tone, Rate / 2, Rate), 0.47f, 0.53f);
    }

    [Theory]
    [InlineData(0, Rate)]
    [InlineData(-100, Rate)]
    [InlineData(4000, Rate)]
    [InlineData(5000, Rate)]
    [InlineData(double.NaN, Rate)]
    [InlineData(300, 0)]
    public void CutOffOutsideZeroToNyquist_IsAnArgumentError(double cutoff, int rate)
    {
        Assert.Contains("cut-off", Assert.Throws<ArgumentException>(() => Biquad.LowPass(cutoff, rate)).Message);
        Assert.Throws<ArgumentException>(() => Biquad.HighPass(cutoff, rate));
    }
}
