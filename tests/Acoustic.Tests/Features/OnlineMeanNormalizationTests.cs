using System.Text;
using AcousticDistill.Acoustic.Tests.Decoding;

namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class OnlineMeanNormalizationTests
{
    private static OnlineMeanNormalization Settings(int dim, double priorFrames, int window = 0) => new()
    {
        PriorMean = Enumerable.Range(0, dim).Select(d => 5f + d).ToArray(),
        PriorFrames = priorFrames,
        WindowFrames = window,
    };

    // x_t − (W·prior + Σ over the last `window` frames up to t) / (W + n_t), computed directly.
    private static float[] Reference(float[][] frames, OnlineMeanNormalization settings)
    {
        var dim = frames[0].Length;
        var result = new List<float>();
        for (var t = 0; t < frames.Length; t++)
        {
            var first = settings.WindowFrames > 0 ? Math.Max(0, t - settings.WindowFrames + 1) : 0;
            for (var d = 0; d < dim; d++)
            {
                var sum = settings.PriorFrames * settings.PriorMean[d];
                for (var i = first; i <= t; i++)
                {
                    sum += frames[i][d];
                }
                result.Add(frames[t][d] - (float)(sum / (settings.PriorFrames + t - first + 1)));
            }
        }
        return result.ToArray();
    }

    private static float[][] RandomFrames(int count, int dim, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dim).Select(_ => (float)(random.NextDouble() * 10)).ToArray()).ToArray();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(10, 7)]
    public void Apply_SubtractsRunningMeanWithPrior(double priorFrames, int window)
    {
        var settings = Settings(3, priorFrames, window);
        var frames = RandomFrames(25, 3, seed: 4);
        var normalizer = new OnlineMeanNormalizer(settings, 3);

        var normalised = frames.SelectMany(f => f).ToArray();
        normalizer.ApplyFrames(normalised);

        var expected = Reference(frames, settings);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], normalised[i], 4);
        }
    }

    [Fact]
    public void Apply_FirstFrameWithoutPrior_IsZero_AndResetStartsAgain()
    {
        var normalizer = new OnlineMeanNormalizer(Settings(2, priorFrames: 0), 2);
        float[] frame = [3, 4];
        normalizer.Apply(frame);
        Assert.Equal([0f, 0f], frame);

        float[] second = [5, 8];
        normalizer.Apply(second);
        Assert.Equal([1f, 2f], second);

        normalizer.Reset();
        float[] again = [5, 8];
        normalizer.Apply(again);
        Assert.Equal([0f, 0f], again);
    }

    [Fact]
    public void Validate_PriorOfWrongLength_IsAClearError()
    {
        var options = new FbankOptions { MeanNormalization = Settings(39, 30) };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("prior has 39 values but frames have 40", error.Message);
    }

    [Fact]
    public void StreamingFilterbank_WithMeanNormalization_EqualsWholeUtteranceExactly()
    {
        var options = new FbankOptions { SampleFrequency = 8000, NumMelBins = 23, MeanNormalization = Settings(23, 30, window: 40) };
        var samples = StreamingFilterbankTests.NoiseSamples(8000 * 2, seed: 6);
        var extractor = new FilterbankExtractor(options);
        var whole = extractor.Compute(samples);
        var plain = new FilterbankExtractor(new FbankOptions { SampleFrequency = 8000, NumMelBins = 23 }).Compute(samples);
        var stream = new StreamingFilterbank(options);
        var random = new Random(3);

        for (var repeat = 0; repeat < 2; repeat++)
        {
            stream.Reset();
            var streamed = new List<float>();
            for (var position = 0; position < samples.Length;)
            {
                var length = Math.Min(random.Next(1, 1500), samples.Length - position);
                streamed.AddRange(stream.AcceptWaveform(samples.AsSpan(position, length)).Data);
                position += length;
            }
            Assert.Equal(whole.Data, streamed.ToArray());
        }
        // Each whole-utterance call starts its running mean afresh; the normalisation does change the frames.
        Assert.Equal(whole.Data, extractor.Compute(samples).Data);
        Assert.NotEqual(plain.Data, whole.Data);
    }

    [Fact]
    public void Artifact_WithoutMeanNormalization_WritesNoField_AndOneWithItRoundTrips()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var plain = TestModels.MetadataFor(architecture);
        var plainBytes = ModelArtifact.Serialize(model, plain);
        Assert.DoesNotContain("mean_normalization", Encoding.UTF8.GetString(plainBytes));
        Assert.Null(ModelArtifact.Deserialize(plainBytes).Metadata.Features.MeanNormalization);

        var features = plain.Features.Clone();
        features.MeanNormalization = Settings(40, 25, window: 300);
        var loaded = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, plain with { Features = features }));
        var norm = loaded.Metadata.Features.MeanNormalization;
        Assert.NotNull(norm);
        Assert.Equal(features.MeanNormalization.PriorMean, norm.PriorMean);
        Assert.Equal(25, norm.PriorFrames);
        Assert.Equal(300, norm.WindowFrames);
    }

    [Fact]
    public void StreamingScorer_WithMeanNormalization_EqualsWholeUtteranceScores()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var metadata = TestModels.MetadataFor(architecture);
        var features = metadata.Features.Clone();
        features.MeanNormalization = Settings(40, 20);
        var artifact = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, metadata with { Features = features }));
        var scorer = new AcousticScorer(artifact);
        var audio = StreamingFilterbankTests.NoiseSamples(9000, seed: 8);
        StreamingScoring.AssertEqualsWholeUtterance(scorer, audio, seed: 11);
    }
}
