namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class StreamingFilterbankTests
{
    public static TheoryData<string> Cases => new(FbankFixtures.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AcceptWaveform_RandomChunks_EqualsWholeUtteranceExactly(string name)
    {
        var golden = FbankFixtures.Load(name);
        var whole = new FilterbankExtractor(golden.Options).Compute(golden.Samples);
        var stream = new StreamingFilterbank(golden.Options);
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0xffff);

        for (var repeat = 0; repeat < 3; repeat++)
        {
            stream.Reset();
            var streamed = StreamInRandomChunks(stream, golden.Samples, random);
            Assert.Equal(whole.Data, streamed);
            Assert.Equal(whole.Frames, stream.FramesEmitted);
        }
    }

    [Fact]
    public void AcceptWaveform_EmitsFrameAsSoonAsItsWindowIsComplete()
    {
        var options = new FbankOptions();
        var stream = new StreamingFilterbank(options);
        var samples = NoiseSamples(options.WindowLength + options.WindowShift, seed: 3);

        Assert.Equal(0, stream.AcceptWaveform(samples.AsSpan(0, options.WindowLength - 1)).Frames);
        Assert.Equal(1, stream.AcceptWaveform(samples.AsSpan(options.WindowLength - 1, 1)).Frames);
        Assert.Equal(0, stream.AcceptWaveform(samples.AsSpan(options.WindowLength, options.WindowShift - 1)).Frames);
        Assert.Equal(1, stream.AcceptWaveform(samples.AsSpan(options.WindowLength + options.WindowShift - 1, 1)).Frames);
        Assert.Equal(0, stream.Finish().Frames);
    }

    [Fact]
    public void AcceptWaveform_AfterFinish_ThrowsUntilReset()
    {
        var stream = new StreamingFilterbank(new FbankOptions());
        stream.Finish();

        Assert.Throws<InvalidOperationException>(() => stream.AcceptWaveform(new float[10]));
        stream.Reset();
        Assert.Equal(0, stream.AcceptWaveform(new float[10]).Frames);
    }

    [Fact]
    public void AcceptWaveform_ShiftLongerThanWindow_SkipsUnreadSamplesLikeWholeUtterance()
    {
        var options = new FbankOptions { FrameLengthMs = 10, FrameShiftMs = 25, NumMelBins = 23 };
        var samples = NoiseSamples(16000, seed: 5);
        var whole = new FilterbankExtractor(options).Compute(samples);

        var streamed = StreamInRandomChunks(new StreamingFilterbank(options), samples, new Random(9));

        Assert.Equal(whole.Data, streamed);
    }

    [Fact]
    public void AcceptWaveform_WithDither_IsRepeatableAndEqualsWholeUtterance()
    {
        var options = new FbankOptions { Dither = 1f, DitherSeed = 42 };
        var samples = NoiseSamples(8000, seed: 1);
        var whole = new FilterbankExtractor(options).Compute(samples);
        var again = new FilterbankExtractor(options).Compute(samples);
        var undithered = new FilterbankExtractor(new FbankOptions()).Compute(samples);

        var streamed = StreamInRandomChunks(new StreamingFilterbank(options), samples, new Random(2));

        Assert.Equal(whole.Data, again.Data);
        Assert.Equal(whole.Data, streamed);
        Assert.NotEqual(undithered.Data, whole.Data);
    }

    private static float[] StreamInRandomChunks(StreamingFilterbank stream, float[] samples, Random random)
    {
        var frames = new List<float>();
        var position = 0;
        while (position < samples.Length)
        {
            var length = Math.Min(random.Next(1, 4001), samples.Length - position);
            frames.AddRange(stream.AcceptWaveform(samples.AsSpan(position, length)).Data);
            position += length;
        }
        frames.AddRange(stream.Finish().Data);
        return frames.ToArray();
    }

    internal static float[] NoiseSamples(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (float)((random.NextDouble() * 0.2) - 0.1);
        }
        return samples;
    }
}
