using System.Runtime.InteropServices;
using AcousticDistill.Acoustic.Tests.Features;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Training;

/// <summary>
/// Training (<see cref="FrameDataset"/>, gathering rows per batch) and serving (<see cref="FrameSplicer"/>, and the
/// streaming scorer's windows) must feed a model the same rows, or a model is served on input it never saw in training.
/// </summary>
public sealed class SplicingAgreementTests
{
    private const int Dim = 3;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public void FrameDataset_Rows_AreBitEqualToTheServingSplicersRows(int context)
    {
        // Utterances around the context's size: empty, one frame, shorter than one side, exactly one side, both sides,
        // just over both sides, and long.
        int[] lengths = [0, 1, 2, Math.Max(1, context - 1), context, 2 * context, 2 * context + 1, 2 * context + 2, 37];
        var random = new Random(context + 1);
        var utterances = lengths.Select(n => RandomFrames(n, random)).ToArray();
        var expected = utterances
            .SelectMany(u => new FrameSplicer(context).Splice(new FeatureMatrix(u, u.Length / Dim, Dim)).Data)
            .ToArray();
        var total = lengths.Sum();

        using var data = FrameDataset.Create(utterances, labels: null, Dim, context);

        // All frames in order, as an evaluation pass reads them.
        using (var all = arange(total, dtype: ScalarType.Int64))
        using (var spliced = data.Splice(all))
        {
            Assert.Equal([total, new FrameSplicer(context).OutputDim(Dim)], spliced.shape);
            AssertBitEqual(expected, spliced.data<float>().ToArray());
        }

        // A shuffled batch with repeats, as a training step reads them: each row is still its frame's serving row.
        var rowWidth = (2 * context + 1) * Dim;
        var batch = Enumerable.Range(0, 64).Select(_ => (long)random.Next(total)).ToArray();
        using (var indices = tensor(batch))
        using (var spliced = data.Splice(indices))
        {
            var rows = spliced.data<float>().ToArray();
            for (var i = 0; i < batch.Length; i++)
            {
                AssertBitEqual(expected.AsSpan((int)batch[i] * rowWidth, rowWidth).ToArray(), rows.AsSpan(i * rowWidth, rowWidth).ToArray());
            }
        }
    }

    [Fact]
    public void FrameDataset_Subset_KeepsEachFramesServingRow()
    {
        const int context = 2;
        var random = new Random(7);
        var utterances = new[] { RandomFrames(3, random), RandomFrames(9, random) };
        var expected = utterances.SelectMany(u => new FrameSplicer(context).Splice(new FeatureMatrix(u, u.Length / Dim, Dim)).Data).ToArray();
        using var data = FrameDataset.Create(utterances, labels: null, Dim, context);
        long[] chosen = [11, 0, 2, 3, 2];

        using var subset = data.Subset(chosen);
        using var all = arange(chosen.Length, dtype: ScalarType.Int64);
        using var spliced = subset.Splice(all);

        var rowWidth = (2 * context + 1) * Dim;
        var rows = spliced.data<float>().ToArray();
        for (var i = 0; i < chosen.Length; i++)
        {
            AssertBitEqual(expected.AsSpan((int)chosen[i] * rowWidth, rowWidth).ToArray(), rows.AsSpan(i * rowWidth, rowWidth).ToArray());
        }
    }

    [Theory]
    [InlineData(720, 5)]   // 3 frames: shorter than the context on either side
    [InlineData(1_200, 5)] // 6 frames
    [InlineData(9_000, 2)]
    public void StreamingScorer_ReadsTheRowsTrainingPreparesFromTheSameAudio(int samples, int context)
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: context, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var artifact = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, TestModels.MetadataFor(architecture)));
        var scorer = new AcousticScorer(artifact);
        var audio = StreamingFilterbankTests.NoiseSamples(samples, seed: samples);

        // Serving: the rows the live path hands the network, audio fed in uneven chunks.
        var served = new List<float>();
        var streaming = new StreamingScorer(scorer) { RowsScored = (rows, _) => served.AddRange(rows) };
        var random = new Random(3);
        for (var start = 0; start < audio.Length;)
        {
            var length = Math.Min(random.Next(1, 500), audio.Length - start);
            streaming.AcceptWaveform(audio.AsSpan(start, length));
            start += length;
        }
        streaming.Finish();

        // Training: the same utterance through the corpus preparation's normalisation and the dataset's splicing.
        var features = new FilterbankExtractor(artifact.Metadata.Features).Compute(audio);
        var split = new SplitFeatures(["utt"], [features.Data], Labels: null, features.Dim, AudioSeconds: 0);
        using var data = PreparedCorpus.Normalize(split, scorer.Cmvn, context);
        using var all = arange(features.Frames, dtype: ScalarType.Int64);
        using var trained = data.Splice(all);

        Assert.True(features.Frames > 0);
        AssertBitEqual(trained.data<float>().ToArray(), served.ToArray());
    }

    private static float[] RandomFrames(int frames, Random random)
    {
        var values = new float[frames * Dim];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return values;
    }

    private static void AssertBitEqual(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(MemoryMarshal.Cast<float, int>(expected).ToArray(), MemoryMarshal.Cast<float, int>(actual).ToArray());
    }
}
