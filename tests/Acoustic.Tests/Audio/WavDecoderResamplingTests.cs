namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class WavDecoderResamplingTests
{
    [Theory]
    [InlineData(8_000, 16_000)]
    [InlineData(16_000, 8_000)]
    [InlineData(44_100, 16_000)]
    [InlineData(22_050, 16_000)]
    [InlineData(11_025, 8_000)]
    public void Decode_Resampled1kHzSine_KeepsFrequencyAmplitudeAndDuration(int sourceRate, int targetRate)
    {
        const double frequency = 1_000;
        const float amplitude = 0.5f;
        var seconds = 1.0;
        var sine = TestSignals.Sine(frequency, sourceRate, (int)(sourceRate * seconds), amplitude);
        var bytes = SampleEncoder.Wav(SampleKind.Float32, sourceRate, 1, sine).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), targetRate);

        var expectedLength = sine.Length * (double)targetRate / sourceRate;
        Assert.InRange(decoded.Length, expectedLength - 4, expectedLength + 4);
        // Look at the middle 80 %, away from the filters' start-up and the flushed tail.
        var start = decoded.Length / 10;
        var end = decoded.Length - start;
        var expectedCrossings = 2 * frequency * (end - start) / targetRate;
        Assert.InRange(TestSignals.ZeroCrossings(decoded, start, end), expectedCrossings - 2, expectedCrossings + 2);
        Assert.InRange(TestSignals.Peak(decoded, start, end), amplitude * 0.95f, amplitude * 1.05f);
    }

    [Theory]
    [InlineData(8_000, 16_000)]
    [InlineData(16_000, 8_000)]
    public void Decode_LinearResampler_KeepsFrequencyAndDurationButDullsAmplitude(int sourceRate, int targetRate)
    {
        var sine = TestSignals.Sine(1_000, sourceRate, sourceRate, 0.5f);
        var bytes = SampleEncoder.Wav(SampleKind.Pcm16, sourceRate, 1, sine).Build();
        var options = new WavDecodeOptions { Resampler = new ResamplerOptions { UseSinc = false } };

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), targetRate, options);

        Assert.InRange(decoded.Length, targetRate - 4, targetRate + 4);
        var start = targetRate / 10;
        Assert.InRange(TestSignals.ZeroCrossings(decoded, start, targetRate - start), 1_598, 1_602);
        // Linear interpolation plus the biquads lose a few per cent at 1 kHz; that is the documented price.
        Assert.InRange(TestSignals.Peak(decoded, start, targetRate - start), 0.5f * 0.90f, 0.5f * 1.02f);
    }

    [Fact]
    public void Decode_DefaultSincResampler_Keeps3kHzAt8kHzNearlyIntact()
    {
        var sine = TestSignals.Sine(3_000, 8_000, 8_000, 0.5f);
        var bytes = SampleEncoder.Wav(SampleKind.Float32, 8_000, 1, sine).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 16_000);

        Assert.InRange(TestSignals.ZeroCrossings(decoded, 1_600, 14_400), 4_796, 4_804);
        Assert.InRange(TestSignals.Peak(decoded, 1_600, 14_400), 0.5f * 0.95f, 0.5f * 1.05f);
    }

    [Fact]
    public void Decode_EqualRates_DoesNotResample()
    {
        var sine = TestSignals.Sine(1_000, 8_000, 8_000, 0.5f);
        var bytes = SampleEncoder.Wav(SampleKind.Float32, 8_000, 1, sine).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 8_000);

        Assert.Equal(sine, decoded);
    }

    [Fact]
    public void Decode_LongerThanOneBlock_ResamplesWithoutSeams()
    {
        // 3 s at 8 kHz spans several 64 KiB read blocks and 16 Ki-sample resampler blocks.
        var sine = TestSignals.Sine(1_000, 8_000, 24_000, 0.5f);
        var bytes = SampleEncoder.Wav(SampleKind.Float32, 8_000, 1, sine).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 16_000);

        Assert.InRange(decoded.Length, 48_000 - 4, 48_000 + 4);
        Assert.InRange(TestSignals.ZeroCrossings(decoded, 1_600, 46_400), 5_598, 5_602);
        // No sample may jump by more than a smooth 1 kHz sine at 16 kHz can (2π·f/fs·A ≈ 0.196).
        for (var i = 1_601; i < 46_400; i++)
        {
            Assert.InRange(decoded[i] - decoded[i - 1], -0.21f, 0.21f);
        }
    }
}
