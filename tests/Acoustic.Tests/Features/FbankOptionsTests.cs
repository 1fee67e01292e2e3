namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class FbankOptionsTests
{
    [Fact]
    public void Defaults_AreKaldisExceptFortyBins()
    {
        var options = new FbankOptions();

        options.Validate();
        Assert.Equal(400, options.WindowLength);
        Assert.Equal(160, options.WindowShift);
        Assert.Equal(512, options.PaddedWindowLength);
        Assert.Equal(40, options.FeatureDim);
        Assert.Equal(8000, options.EffectiveHighFreq);
        Assert.Equal(32768f, options.InputScale);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(399, 0)]
    [InlineData(400, 1)]
    [InlineData(559, 1)]
    [InlineData(560, 2)]
    [InlineData(16000, 98)]
    public void FrameCount_FollowsSnipEdgesRule(int samples, int frames)
    {
        Assert.Equal(frames, new FbankOptions().FrameCount(samples));
    }

    public static TheoryData<Action<FbankOptions>, string> BadOptions => new()
    {
        { o => o.SampleFrequency = 0, "SampleFrequency" },
        { o => o.SampleFrequency = double.NaN, "SampleFrequency" },
        { o => o.FrameLengthMs = -25, "FrameLengthMs" },
        { o => o.FrameLengthMs = 0.05, "window of 0 samples" },
        { o => o.FrameShiftMs = 0, "FrameShiftMs" },
        { o => o.FrameShiftMs = 0.01, "shift of 0 samples" },
        { o => { o.RoundToPowerOfTwo = false; o.FrameLengthMs = 25.0625; }, "must be even" },
        { o => o.Dither = -1, "Dither" },
        { o => o.PreemphasisCoefficient = 1.5f, "PreemphasisCoefficient" },
        { o => o.WindowType = (FeatureWindowType)42, "WindowType" },
        { o => o.SnipEdges = false, "SnipEdges" },
        { o => o.NumMelBins = 2, "NumMelBins must be at least 3" },
        { o => o.NumMelBins = 128, "covers no FFT bin" },
        { o => o.LowFreq = -20, "LowFreq" },
        { o => o.LowFreq = 8000, "LowFreq" },
        { o => o.HighFreq = 9000, "HighFreq" },
        { o => o.HighFreq = -8000, "HighFreq" },
        { o => { o.LowFreq = 4000; o.HighFreq = 3000; }, "below the high cut-off" },
        { o => o.EnergyFloor = -1, "EnergyFloor" },
        { o => o.InputScale = 0, "InputScale" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadValue_ThrowsNamingTheProblem(Action<FbankOptions> spoil, string expectedText)
    {
        var options = new FbankOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(expectedText, error.Message);
        Assert.Throws<ArgumentException>(() => new FilterbankExtractor(options));
        Assert.Throws<ArgumentException>(() => new StreamingFilterbank(options));
    }

    [Fact]
    public void Extractor_CopiesOptions_SoLaterChangesDoNotAffectIt()
    {
        var options = new FbankOptions();
        var extractor = new FilterbankExtractor(options);
        options.NumMelBins = 23;

        Assert.Equal(40, extractor.Dim);
        Assert.Equal(40, extractor.Compute(new float[1000]).Dim);
    }

    [Fact]
    public void Compute_ShorterThanOneWindow_GivesNoFrames()
    {
        var features = new FilterbankExtractor(new FbankOptions()).Compute(new float[399]);

        Assert.Equal(0, features.Frames);
        Assert.Equal(40, features.Dim);
    }
}
