namespace AcousticDistill.Acoustic.Specialists;

/// <summary>How the generalist's classes are grouped into specialists' clusters.</summary>
public sealed class SpecialistClusteringOptions
{
    /// <summary>Number of clusters K (one specialist each).</summary>
    public int Clusters { get; set; } = 6;

    /// <summary>
    /// Classes no specialist covers; by default silence (classes 0–2). Silence is the most frequent class and the
    /// generalist's easiest, so a specialist for it would spend its whole budget on frames the generalist already gets
    /// right and leave its "special subset" no longer special. Excluded classes always fall in every dustbin.
    /// </summary>
    public IReadOnlySet<int> ExcludedClasses { get; set; } = new HashSet<int> { 0, 1, 2 };

    /// <summary>
    /// Whether each class's covariance column is scaled to unit length before k-means. Unscaled, the distance between
    /// columns is dominated by how often a class is predicted at all: frequent classes become singleton clusters and the
    /// rarer ones collapse into one huge cluster near the origin. Unit length compares only the pattern of co-variation
    /// (cosine similarity), which is what "classes the generalist confuses" means.
    /// </summary>
    public bool UnitLengthColumns { get; set; } = true;

    /// <summary>Frames per batch when running the generalist over the transfer set.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>k-means settings (restarts, iterations, seed).</summary>
    public KMeansOptions KMeans { get; set; } = new();

    /// <summary>Throws a clear error for values that cannot work with <paramref name="classes"/> output classes.</summary>
    public void Validate(int classes)
    {
        KMeans.Validate();
        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1 (got {BatchSize}).");
        }
        if (ExcludedClasses.Any(c => c < 0 || c >= classes))
        {
            throw new ArgumentException($"Excluded classes must lie in [0, {classes}).");
        }
        var clusterable = classes - ExcludedClasses.Count;
        if (Clusters < 1)
        {
            throw new ArgumentException($"The number of specialist clusters must be at least 1 (got {Clusters}).");
        }
        if (Clusters > clusterable)
        {
            throw new ArgumentException(
                $"Cannot make {Clusters} specialist clusters of {clusterable} classes ({classes} less {ExcludedClasses.Count} excluded).");
        }
    }
}
