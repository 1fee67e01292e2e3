using AcousticDistill.Acoustic.Evaluation;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class SpecialistSamplingTests
{
    [Fact]
    public void Enrich_IsHalfSpecialHalfOthers_WithRemappedTargets()
    {
        var random = new Random(1);
        var labels = Enumerable.Range(0, 5000).Select(_ => random.Next(10)).ToArray();
        int[] cluster = [7, 2];

        var sample = SpecialistSampling.Enrich(labels, cluster, seed: 3);

        var special = labels.Count(l => l is 2 or 7);
        Assert.Equal(special, sample.SpecialFrames);
        Assert.Equal(special, sample.SampledOtherFrames);
        Assert.Equal(2 * special, sample.Frames.Length);
        Assert.Equal(sample.Frames.Length, sample.Frames.Distinct().Count());
        for (var i = 0; i < sample.Frames.Length; i++)
        {
            var label = labels[sample.Frames[i]];
            Assert.Equal(label == 7 ? 0 : label == 2 ? 1 : 2, sample.Targets[i]);
        }
        Assert.Equal(special, sample.Targets.Count(t => t == 2));
        Assert.Equal(Math.Log((5000.0 - special) / special), sample.DustbinLogitCorrection, precision: 12);
    }

    [Fact]
    public void Enrich_SameSeed_SameSample_OtherSeed_OtherSample()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i % 10).ToArray();
        var a = SpecialistSampling.Enrich(labels, [0], seed: 1);
        var b = SpecialistSampling.Enrich(labels, [0], seed: 1);
        var c = SpecialistSampling.Enrich(labels, [0], seed: 2);
        Assert.Equal(a.Frames, b.Frames);
        Assert.NotEqual(a.Frames, c.Frames);
    }

    [Fact]
    public void Enrich_FewOthers_TakesThemAll_AndNeedsNoCorrection()
    {
        int[] labels = [0, 0, 0, 0, 1, -1];
        var sample = SpecialistSampling.Enrich(labels, [0], seed: 1);
        Assert.Equal([0, 1, 2, 3, 4], sample.Frames.Order().ToArray());
        Assert.Equal(0, sample.DustbinLogitCorrection);
    }

    [Fact]
    public void Enrich_NoFrameOfTheCluster_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => SpecialistSampling.Enrich([1, 2, 3], [5], seed: 1));
        Assert.Contains("nothing to learn", error.Message);
    }

    [Fact]
    public void Subset_SplicesLikeItsParent_AndOutlivesIt()
    {
        var parent = ClusteredFrames.Frames(4, seed: 2);
        long[] frames = [5, 0, 17, 5];
        var subset = parent.Subset(frames, [1, 2, 3, 4]);
        using var indices = tensor(frames);
        using var expected = parent.Splice(indices);
        parent.Dispose();

        using (subset)
        {
            Assert.Equal(4, subset.Count);
            using var all = arange(4L, dtype: ScalarType.Int64);
            using var actual = subset.Splice(all);
            Assert.True(expected.eq(actual).all().item<bool>());
            Assert.Equal([1, 2, 3, 4], FramePredictor.LabelsOf(subset));
        }
    }

    [Fact]
    public void Subset_FrameOutOfRange_IsAClearError()
    {
        using var data = ClusteredFrames.Frames(1, seed: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset([data.Count]));
    }
}
