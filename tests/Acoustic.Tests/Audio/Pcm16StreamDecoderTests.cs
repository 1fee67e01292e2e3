using Xunit.Abstractions;

namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class Pcm16StreamDecoderTests(ITestOutputHelper log)
{
    private static byte[] RandomPcm(int samples, int seed)
    {
        var bytes = new byte[samples * 2];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static List<float> FeedInRandomChunks(Pcm16StreamDecoder decoder, byte[] pcm, int seed)
    {
        var random = new Random(seed);
        var output = new List<float>();
        for (var at = 0; at < pcm.Length;)
        {
            var size = Math.Min(random.Next(1, 4_001), pcm.Length - at);
            var before = output.Count;
            var added = decoder.Accept(pcm.AsSpan(at, size), output);
            Assert.Equal(output.Count - before, added);
            at += size;
        }
        decoder.Finish(output);
        return output;
    }

    private static List<float> FeedAtOnce(Pcm16StreamDecoder decoder, byte[] pcm)
    {
        var output = new List<float>();
        decoder.Accept(pcm, output);
        decoder.Finish(output);
        return output;
    }

    [Fact]
    public void Accept_EqualRates_RandomChunksGiveExactlyTheOneShotConversion()
    {
        var pcm = RandomPcm(50_000, seed: 1);
        var expected = new float[50_000];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (short)(pcm[2 * i] | (pcm[2 * i + 1] << 8)) / 32768f;
        }

        var chunked = FeedInRandomChunks(new Pcm16StreamDecoder(16_000, 16_000), pcm, seed: 2);

        Assert.Equal(expected, chunked);
    }

    [Theory]
    [InlineData(8_000, 16_000)]
    [InlineData(16_000, 8_000)]
    [InlineData(44_100, 16_000)]
    public void Accept_Resampling_RandomChunksMatchOneShotWithinRounding(int sourceRate, int targetRate)
    {
        // Speech-like signal: a sine plus a little noise, so the interpolator sees real variation.
        var sine = TestSignals.Sine(440, sourceRate, sourceRate, 0.6f);
        var noise = new Random(3);
        for (var i = 0; i < sine.Length; i++)
        {
            sine[i] += (float)(noise.NextDouble() - 0.5) * 0.1f;
        }
        var pcm = SampleEncoder.Encode(sine, SampleKind.Pcm16);

        var oneShot = FeedAtOnce(new Pcm16StreamDecoder(sourceRate, targetRate), pcm);
        var chunked = FeedInRandomChunks(new Pcm16StreamDecoder(sourceRate, targetRate), pcm, seed: 4);

        // WDL keeps its fractional read position as a double that is re-based after every call, so chunk
        // boundaries can move an output sample by rounding only: same count, differences far below 16-bit LSB.
        Assert.Equal(oneShot.Count, chunked.Count);
        var worst = oneShot.Zip(chunked, (a, b) => Math.Abs(a - b)).Max();
        log.WriteLine($"{sourceRate} -> {targetRate}: {oneShot.Count} samples, largest chunked/one-shot difference {worst:G3}");
        Assert.True(worst < 1e-5f, $"largest difference {worst}");
        Assert.InRange(oneShot.Count, sine.Length * (double)targetRate / sourceRate - 4, sine.Length * (double)targetRate / sourceRate + 4);
    }

    [Fact]
    public void Accept_Resampling_MatchesWavDecoderOnTheSameSamples()
    {
        var sine = TestSignals.Sine(1_000, 8_000, 8_000, 0.5f);
        var pcm = SampleEncoder.Encode(sine, SampleKind.Pcm16);
        var wav = new WavBuilder { SampleRate = 8_000, Data = pcm }.Build();

        var fromWav = WavDecoder.Decode(new MemoryStream(wav), 16_000);
        var streamed = FeedInRandomChunks(new Pcm16StreamDecoder(8_000, 16_000), pcm, seed: 5);

        Assert.Equal(fromWav.Length, streamed.Count);
        Assert.True(fromWav.Zip(streamed, (a, b) => Math.Abs(a - b)).Max() < 1e-5f);
    }

    [Fact]
    public void Accept_OddChunks_CarryTheHalfSampleOver()
    {
        var decoder = new Pcm16StreamDecoder(16_000, 16_000);
        var output = new List<float>();

        Assert.Equal(0, decoder.Accept([0x00], output));
        Assert.Equal(1, decoder.Accept([0x40, 0x00], output)); // completes 0x4000, leaves 0x00 pending
        Assert.Equal(1, decoder.Accept([0xC0], output)); // completes 0xC000
        decoder.Finish(output);

        Assert.Equal([0.5f, -0.5f], output);
    }

    [Fact]
    public void Finish_WithHalfASamplePending_RaisesAudioFormatException()
    {
        var decoder = new Pcm16StreamDecoder(16_000, 16_000);
        var output = new List<float>();
        decoder.Accept([1, 2, 3], output);

        var error = Assert.Throws<AudioFormatException>(() => decoder.Finish(output));

        Assert.Contains("middle of a 16-bit sample", error.Message);
    }

    [Fact]
    public void Accept_AfterFinish_IsRefusedUntilReset()
    {
        var pcm = SampleEncoder.Encode(TestSignals.Sine(300, 8_000, 2_000, 0.5f), SampleKind.Pcm16);
        var decoder = new Pcm16StreamDecoder(8_000, 16_000);
        var first = FeedAtOnce(decoder, pcm);

        Assert.Throws<InvalidOperationException>(() => decoder.Accept(pcm, []));
        decoder.Reset();
        var second = FeedAtOnce(decoder, pcm);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Accept_ReusesTheCallersListWithoutClearingIt()
    {
        var decoder = new Pcm16StreamDecoder(16_000, 16_000);
        var output = new List<float> { 0.125f };

        decoder.Accept([0x00, 0x40], output);

        Assert.Equal([0.125f, 0.5f], output);
    }

    [Theory]
    [InlineData(0, 16_000)]
    [InlineData(-8_000, 16_000)]
    [InlineData(16_000, 0)]
    [InlineData(16_000, 10_000_000)]
    public void Constructor_InvalidRates_AreRejected(int sourceRate, int targetRate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pcm16StreamDecoder(sourceRate, targetRate));
}
