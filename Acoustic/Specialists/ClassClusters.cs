namespace AcousticDistill.Acoustic.Specialists;

/// <summary>Disjoint groups of frame classes, one per specialist, each sorted ascending, with the k-means inertia that produced them.</summary>
public sealed record ClassClusters(IReadOnlyList<IReadOnlyList<int>> Clusters, double Inertia)
{
    /// <summary>Every class some cluster covers.</summary>
    public IReadOnlySet<int> Covered => Clusters.SelectMany(c => c).ToHashSet();
}
