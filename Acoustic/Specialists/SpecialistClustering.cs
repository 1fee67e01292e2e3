using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// Hinton, Vinyals and Dean (2015, §5.1): the classes that the generalist often confuses are found without labels by
/// clustering the covariance matrix of its predictions. The generalist's probability vectors over the transfer set
/// form P [frames, classes]; each class is the point given by its column of cov(P) (how its probability moves with
/// every other class's), and k-means groups classes whose columns are alike.
/// </summary>
public static class SpecialistClustering
{
    /// <summary>Clusters the classes of <paramref name="generalist"/> (spliced input → logits) using the frames of <paramref name="transfer"/>.</summary>
    public static ClassClusters Cluster(Func<Tensor, Tensor> generalist, FrameDataset transfer, int classes,
        SpecialistClusteringOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate(classes);
        var covariance = PredictionCovariance(generalist, transfer, classes, options.BatchSize, cancellationToken);
        return ClusterCovariance(covariance, options);
    }

    /// <summary>K-means on the columns of a class covariance matrix [classes, classes], skipping the excluded classes.</summary>
    public static ClassClusters ClusterCovariance(double[,] covariance, SpecialistClusteringOptions options)
    {
        var classes = covariance.GetLength(0);
        if (covariance.GetLength(1) != classes)
        {
            throw new ArgumentException($"The covariance matrix must be square (got {classes} × {covariance.GetLength(1)}).");
        }
        options.Validate(classes);
        var candidates = Enumerable.Range(0, classes).Where(c => !options.ExcludedClasses.Contains(c)).ToArray();
        // A class's point is its whole column (all classes' rows), so excluded classes still inform the geometry.
        var points = candidates.Select(c => Enumerable.Range(0, classes).Select(r => covariance[r, c]).ToArray()).ToArray();
        if (options.UnitLengthColumns)
        {
            points = points.Select(ToUnitLength).ToArray();
        }
        var result = KMeans.Fit(points, options.Clusters, options.KMeans);
        var clusters = result.Members()
            .Select(members => (IReadOnlyList<int>)members.Select(m => candidates[m]).Order().ToArray())
            .OrderBy(c => c[0])
            .ToArray();
        return new ClassClusters(clusters, result.Inertia);
    }

    /// <summary>A zero column (a class never predicted) stays zero: it has no direction to compare.</summary>
    private static double[] ToUnitLength(double[] column)
    {
        var length = Math.Sqrt(column.Sum(v => v * v));
        return length > 0 ? column.Select(v => v / length).ToArray() : column;
    }

    /// <summary>
    /// Covariance [classes, classes] of the generalist's predicted probabilities over the frames of <paramref name="data"/>,
    /// accumulated batch by batch in float64 so memory does not grow with the transfer set.
    /// </summary>
    public static double[,] PredictionCovariance(Func<Tensor, Tensor> generalist, FrameDataset data, int classes,
        int batchSize = 4096, CancellationToken cancellationToken = default)
    {
        if (data.Count < 2)
        {
            throw new ArgumentException($"A covariance needs at least two frames; the transfer set has {data.Count}.");
        }
        using var noGrad = no_grad();
        using var sum = zeros(classes, dtype: ScalarType.Float64);
        using var products = zeros(classes, classes, dtype: ScalarType.Float64);
        for (long start = 0; start < data.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var n = Math.Min(batchSize, data.Count - start);
            var indices = arange(start, start + n, dtype: ScalarType.Int64, device: data.Features.device);
            var probabilities = softmax(generalist(data.Splice(indices)), 1).to(ScalarType.Float64).cpu();
            if (probabilities.shape[1] != classes)
            {
                throw new ArgumentException($"The generalist has {probabilities.shape[1]} outputs, not {classes}.");
            }
            sum.add_(probabilities.sum([0L]));
            products.add_(probabilities.t().matmul(probabilities));
        }
        var frames = (double)data.Count;
        using var mean = sum / frames;
        using var covariance = (products - frames * mean.outer(mean)) / (frames - 1);
        var values = covariance.data<double>().ToArray();
        var result = new double[classes, classes];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }
}
