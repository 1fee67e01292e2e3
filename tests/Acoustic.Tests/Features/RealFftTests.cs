namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(512)]
    [InlineData(1024)]
    [InlineData(400)]
    [InlineData(6)]
    public void PowerSpectrum_EqualsDirectDft(int length)
    {
        var random = new Random(length);
        var frame = new float[length];
        for (var i = 0; i < length; i++)
        {
            frame[i] = (float)((random.NextDouble() * 2) - 1);
        }
        var power = new float[(length / 2) + 1];

        new RealFft(length).PowerSpectrum(frame, power);

        for (var k = 0; k <= length / 2; k++)
        {
            double re = 0;
            double im = 0;
            for (var t = 0; t < length; t++)
            {
                var angle = -2.0 * Math.PI * k * t / length;
                re += frame[t] * Math.Cos(angle);
                im += frame[t] * Math.Sin(angle);
            }
            var expected = (re * re) + (im * im);
            Assert.True(Math.Abs(power[k] - expected) <= 1e-4 * Math.Max(1.0, expected),
                $"N={length}, k={k}: {power[k]} vs {expected}");
        }
    }

    [Fact]
    public void Constructor_OddLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RealFft(7));
    }
}
