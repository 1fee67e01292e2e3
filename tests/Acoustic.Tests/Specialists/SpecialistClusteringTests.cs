using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class SpecialistClusteringTests
{
    [Fact]
    public void PredictionCovariance_BatchedEqualsWholeSetCovariance()
    {
        manual_seed(2);
        using var data = ClusteredFrames.Frames(8, seed: 1);
        using var model = new FrameClassifier(Models.TestModels.Tiny());
        model.eval();

        var batched = SpecialistClustering.PredictionCovariance(model.forward, data, 6, batchSize: 7);

        using var all = arange(data.Count, dtype: ScalarType.Int64);
        using var probabilities = softmax(model.forward(data.Splice(all)), 1).to(ScalarType.Float64);
        using var expected = probabilities.t().cov();
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                Assert.Equal(expected[i, j].item<double>(), batched[i, j], precision: 9);
            }
        }
    }

    [Fact]
    public void Cluster_OnAGeneralist_PartitionsTheClusterableClasses()
    {
        manual_seed(2);
        using var data = ClusteredFrames.Frames(8, seed: 1);
        using var model = new FrameClassifier(Models.TestModels.Tiny());
        model.eval();
        var options = new SpecialistClusteringOptions { Clusters = 2, ExcludedClasses = new HashSet<int> { 0 } };

        var result = SpecialistClustering.Cluster(model.forward, data, 6, options);

        Assert.Equal(2, result.Clusters.Count);
        Assert.Equal([1, 2, 3, 4, 5], result.Clusters.SelectMany(c => c).Order().ToArray());
    }
}
