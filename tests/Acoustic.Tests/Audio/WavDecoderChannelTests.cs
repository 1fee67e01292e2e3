namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class WavDecoderChannelTests
{
    [Fact]
    public void Decode_Stereo_AveragesChannels()
    {
        float[] left = [0.5f, 0.25f, -1f, 0f];
        float[] right = [-0.5f, 0.75f, -1f, 0.5f];
        var bytes = SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 2, TestSignals.Interleave(left, right)).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 16_000);

        Assert.Equal([0f, 0.5f, -1f, 0.25f], decoded);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(32)]
    public void Decode_ManyChannels_AveragesAllOfThem(int channels)
    {
        const int frames = 50;
        var perChannel = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            perChannel[c] = new float[frames];
            for (var f = 0; f < frames; f++)
            {
                // Multiples of 1/256 are exact in 24-bit and in float sums of this size.
                perChannel[c][f] = ((c * 7 + f * 3) % 200 - 100) / 256f;
            }
        }
        var builder = SampleEncoder.Wav(SampleKind.Pcm24, 16_000, channels, TestSignals.Interleave(perChannel));
        builder.FormatTag = WavBuilder.TagExtensible;

        var decoded = WavDecoder.Decode(new MemoryStream(builder.Build()), 16_000);

        Assert.Equal(frames, decoded.Length);
        for (var f = 0; f < frames; f++)
        {
            var expected = perChannel.Average(channel => channel[f]);
            Assert.Equal(expected, decoded[f], 1e-6f);
        }
    }

    [Fact]
    public void Decode_StereoAt44100_MixesThenResamples()
    {
        var sine = TestSignals.Sine(1_000, 44_100, 44_100, 0.5f);
        var silence = new float[sine.Length];
        var bytes = SampleEncoder.Wav(SampleKind.Pcm16, 44_100, 2, TestSignals.Interleave(sine, silence)).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 16_000);

        Assert.InRange(decoded.Length, 16_000 - 4, 16_000 + 4);
        Assert.InRange(TestSignals.Peak(decoded, 1_600, 14_400), 0.25f * 0.95f, 0.25f * 1.05f);
        Assert.InRange(TestSignals.ZeroCrossings(decoded, 1_600, 14_400), 1_598, 1_602);
    }
}
