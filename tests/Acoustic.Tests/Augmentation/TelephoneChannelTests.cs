using AcousticDistill.Acoustic.Augmentation;
using AcousticDistill.Acoustic.Tests.Audio;
using NAudio.Codecs;

namespace AcousticDistill.Acoustic.Tests.Augmentation;

/// <summary>
/// The telephone channel on pure tones at 16 kHz: the voice band passes at about its level, at 8 kHz, as G.711 μ-law
/// levels; tones outside the band are strongly attenuated.
/// </summary>
public sealed class TelephoneChannelTests
{
    private const int WideRate = 16_000;
    private const float Amplitude = 0.3f;

    // The filters start from silence: their transient is over well within 50 ms.
    private const int SettledFrom = TelephoneChannel.SampleRate / 20;

    [Fact]
    public void Apply_OneKilohertzTone_ComesOutAt8kHzWithHalfTheSamplesAndAboutItsLevel()
    {
        var input = TestSignals.Sine(1000, WideRate, WideRate, Amplitude);

        var output = TelephoneChannel.Apply(input, WideRate);

        Assert.InRange(output.Length, WideRate / 2 - 8, WideRate / 2 + 8);
        var ratio = Rms(output.AsSpan(SettledFrom)) / Rms(input);
        Assert.InRange(ratio, 0.8, 1.2);
        // Still a 1 kHz tone: two zero crossings per period over the settled part (about 0.95 s).
        var crossings = TestSignals.ZeroCrossings(output, SettledFrom, output.Length);
        Assert.InRange(crossings, 1850, 1950);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(3900)]
    public void Apply_ToneOutsideTheVoiceBand_IsStronglyAttenuated(double frequency)
    {
        var input = TestSignals.Sine(frequency, WideRate, WideRate, Amplitude);

        var output = TelephoneChannel.Apply(input, WideRate);

        var ratio = Rms(output.AsSpan(SettledFrom)) / Rms(input);
        Assert.True(ratio < 0.05, $"{frequency} Hz kept {ratio:P1} of its RMS level; the voice band is 300–3400 Hz.");
    }

    [Fact]
    public void Apply_OutputValues_AreG711MuLawLevels()
    {
        var input = TestSignals.Sine(700, WideRate, WideRate / 4, 0.6f).Zip(TestSignals.Sine(2100, WideRate, WideRate / 4, 0.2f), (a, b) => a + b).ToArray();

        var output = TelephoneChannel.Apply(input, WideRate);

        Assert.Contains(output, v => v != 0);
        Assert.All(output, v =>
        {
            var linear = v * 32768f;
            Assert.Equal(MathF.Round(linear), linear);
            var sample = (short)linear;
            Assert.Equal(sample, MuLawDecoder.MuLawToLinearSample(MuLawEncoder.LinearToMuLawSample(sample)));
        });
    }

    [Fact]
    public void Apply_At8kHz_KeepsTheLengthAndLeavesTheInputUntouched()
    {
        var input = TestSignals.Sine(1000, TelephoneChannel.SampleRate, 4000, Amplitude);
        var copy = (float[])input.Clone();

        var output = TelephoneChannel.Apply(input, TelephoneChannel.SampleRate);

        Assert.Equal(input.Length, output.Length);
        Assert.Equal(copy, input);
        Assert.NotSame(input, output);
    }

    private static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }
        return Math.Sqrt(sum / samples.Length);
    }
}
