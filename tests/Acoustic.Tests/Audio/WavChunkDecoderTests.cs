using Xunit.Abstractions;

namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class WavChunkDecoderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(16_000, 1, 16_000)]
    [InlineData(44_100, 2, 16_000)]
    [InlineData(8_000, 1, 16_000)]
    public void ReadOneSecondAtATime_EqualsWholeFileDecoding(int sourceRate, int channels, int targetRate)
    {
        var wav = SpeechLikeWav(sourceRate, channels, seconds: 3.3);
        var whole = WavDecoder.Decode(new MemoryStream(wav), targetRate);

        var decoder = new WavChunkDecoder(new MemoryStream(wav), targetRate, WavDecodeOptions.Default);
        var pieces = new List<float>();
        var chunk = new List<float>();
        var calls = 0;
        bool more;
        do
        {
            chunk.Clear();
            more = decoder.Read(chunk, sourceRate);
            pieces.AddRange(chunk);
            calls++;
        }
        while (more);

        Assert.Equal(4, calls);
        Assert.Equal((long)Math.Round(3.3 * sourceRate), decoder.SourceFrames);
        Assert.Equal(whole.Length, pieces.Count);
        for (var i = 0; i < whole.Length; i++)
        {
            Assert.True(Math.Abs(whole[i] - pieces[i]) < 1e-6f, $"sample {i}: whole {whole[i]}, in pieces {pieces[i]}");
        }
    }

    [Theory]
    [InlineData(16_000)]
    [InlineData(44_100)]
    public void Read_SixtySecondFileInOneSecondPieces_NeverHoldsTheWholeFileAsSamples(int sourceRate)
    {
        var wav = SpeechLikeWav(sourceRate, 1, seconds: 60);
        var chunk = new List<float>(16_100);
        // Warm up once so that JIT and first-use costs are not counted.
        Drain(new WavChunkDecoder(new MemoryStream(wav), 16_000, WavDecodeOptions.Default), chunk, sourceRate);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Drain(new WavChunkDecoder(new MemoryStream(wav), 16_000, WavDecodeOptions.Default), chunk, sourceRate);
        var piecewise = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var whole = WavDecoder.Decode(new MemoryStream(wav), 16_000);
        var wholeFile = GC.GetAllocatedBytesForCurrentThread() - before;

        var samples = whole.Length * 4L;
        output.WriteLine($"60 s at {sourceRate} Hz to 16 kHz: piecewise {piecewise:N0} bytes allocated, whole file {wholeFile:N0} ({samples:N0} bytes of samples)");
        // Whole-file decoding holds the samples twice (the list, then its array); piecewise holds one second. What both
        // still allocate when resampling is NAudio's WDL staging buffer, which Array.Resize replaces on most calls
        // (64 KB arrays: short-lived, below the large-object threshold).
        Assert.True(wholeFile - piecewise >= 1.9 * samples, $"whole {wholeFile:N0}, piecewise {piecewise:N0}");
        if (sourceRate == 16_000)
        {
            Assert.True(piecewise < 250_000, $"piecewise decoding without resampling allocated {piecewise:N0} bytes");
        }
    }

    [Fact]
    public void Constructor_NotWav_RaisesAudioFormatException()
    {
        var error = Assert.Throws<AudioFormatException>(() => new WavChunkDecoder(new MemoryStream(new byte[100]), 16_000, WavDecodeOptions.Default));
        Assert.Contains("RIFF", error.Message, StringComparison.Ordinal);
    }

    private static void Drain(WavChunkDecoder decoder, List<float> chunk, int frames)
    {
        do
        {
            chunk.Clear();
        }
        while (decoder.Read(chunk, frames));
    }

    private static byte[] SpeechLikeWav(int rate, int channels, double seconds)
    {
        var count = (int)Math.Round(seconds * rate);
        var low = TestSignals.Sine(300, rate, count, 0.3f);
        var high = TestSignals.Sine(2_100, rate, count, 0.2f);
        var mono = low.Zip(high, (a, b) => a + b).ToArray();
        var interleaved = channels == 1 ? mono : TestSignals.Interleave(mono, mono.Select(s => -s * 0.5f).ToArray());
        return SampleEncoder.Wav(SampleKind.Pcm16, rate, channels, interleaved).Build();
    }
}
