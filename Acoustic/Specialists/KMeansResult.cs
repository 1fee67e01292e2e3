namespace AcousticDistill.Acoustic.Specialists;

/// <summary>A k-means partition: the cluster of every point, the centroids and the inertia (sum of squared distances to own centroid).</summary>
public sealed record KMeansResult(int[] Assignment, double[][] Centroids, double Inertia)
{
    /// <summary>Indices of the points of each cluster, in cluster order; none is empty.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Members() =>
        Enumerable.Range(0, Centroids.Length)
            .Select(c => (IReadOnlyList<int>)Enumerable.Range(0, Assignment.Length).Where(p => Assignment[p] == c).ToArray())
            .ToArray();
}
