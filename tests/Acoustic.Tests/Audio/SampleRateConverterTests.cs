using NAudio.Wave;

namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class SampleRateConverterTests
{
    [Theory]
    [InlineData(22_050, 16_000, 50_000)]
    [InlineData(8_000, 16_000, 40_000)]
    [InlineData(48_000, 8_000, 16_384)]
    [InlineData(16_000, 8_000, 3)]
    [InlineData(32_000, 16_000, 0)]
    public void Convert_EqualsDecodingAFloatWavOfTheSamples_BitForBit(int fromRate, int toRate, int count)
    {
        // Speech-like content with a few values a float WAV may hold but the decoder clamps: beyond full scale, NaN.
        var random = new Random(count);
        var samples = TestSignals.Sine(440, fromRate, count, 0.6f);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] += (float)(0.2 * (random.NextDouble() - 0.5));
        }
        if (count > 100)
        {
            samples[10] = 1.7f;
            samples[20] = -3f;
            samples[30] = float.NaN;
        }

        var direct = SampleRateConverter.Convert(samples, fromRate, toRate);

        Assert.Equal(ThroughInMemoryWav(samples, fromRate, toRate), direct);
    }

    [Fact]
    public void Convert_1kHzSine_KeepsLengthFrequencyAndAmplitude()
    {
        var sine = TestSignals.Sine(1_000, 22_050, 22_050, 0.5f);

        var converted = SampleRateConverter.Convert(sine, 22_050, 16_000);

        Assert.InRange(converted.Length, 16_000 - 4, 16_000 + 4);
        Assert.InRange(TestSignals.ZeroCrossings(converted, 1_600, 14_400), 1_598, 1_602);
        Assert.InRange(TestSignals.Peak(converted, 1_600, 14_400), 0.5f * 0.95f, 0.5f * 1.05f);
    }

    [Fact]
    public void Convert_SameRate_ReturnsTheInput()
    {
        var samples = new[] { 0.1f, 2f };

        Assert.Same(samples, SampleRateConverter.Convert(samples, 16_000, 16_000));
    }

    // The way rates were changed before: write a float WAV to memory with NAudio, then decode it at the new rate.
    private static float[] ThroughInMemoryWav(float[] samples, int fromRate, int toRate)
    {
        using var buffer = new MemoryStream();
        using (var writer = new WaveFileWriter(buffer, WaveFormat.CreateIeeeFloatWaveFormat(fromRate, 1)))
        {
            writer.WriteSamples(samples, 0, samples.Length);
        }
        return WavDecoder.Decode(new MemoryStream(buffer.ToArray()), toRate);
    }
}
