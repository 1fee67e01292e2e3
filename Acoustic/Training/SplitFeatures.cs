namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Filterbank features of the utterances of one corpus split (row-major, <see cref="Dim"/> columns each),
/// with frame-class labels when the corpus is aligned.
/// </summary>
public sealed record SplitFeatures(
    IReadOnlyList<string> UtteranceIds,
    IReadOnlyList<float[]> Features,
    IReadOnlyList<int[]>? Labels,
    int Dim,
    double AudioSeconds)
{
    /// <summary>Total frames over all utterances.</summary>
    public long Frames => Features.Sum(f => (long)f.Length) / Dim;

    /// <summary>The utterances at <paramref name="indices"/>, in that order.</summary>
    public SplitFeatures Take(IReadOnlyList<int> indices) => new(
        indices.Select(i => UtteranceIds[i]).ToArray(),
        indices.Select(i => Features[i]).ToArray(),
        Labels is null ? null : indices.Select(i => Labels[i]).ToArray(),
        Dim,
        AudioSeconds * indices.Sum(i => (double)Features[i].Length) / Math.Max(1, Features.Sum(f => (double)f.Length)));

    /// <summary>Label value of frames that have none (unlabelled transfer audio).</summary>
    public const int NoLabel = -1;

    /// <summary>
    /// This split followed by <paramref name="other"/>; where only one side has labels, the other side's
    /// frames are labelled <see cref="NoLabel"/> (soft targets only).
    /// </summary>
    public SplitFeatures Concat(SplitFeatures other)
    {
        if (other.Dim != Dim)
        {
            throw new ArgumentException($"Cannot join features of dim {Dim} and {other.Dim}.");
        }
        IReadOnlyList<int[]>? labels = Labels is null && other.Labels is null
            ? null
            : LabelsOrNone(this).Concat(LabelsOrNone(other)).ToArray();
        return new SplitFeatures(
            UtteranceIds.Concat(other.UtteranceIds).ToArray(),
            Features.Concat(other.Features).ToArray(),
            labels,
            Dim,
            AudioSeconds + other.AudioSeconds);
    }

    private static IEnumerable<int[]> LabelsOrNone(SplitFeatures split) =>
        split.Labels ?? split.Features.Select(f => Enumerable.Repeat(NoLabel, f.Length / split.Dim).ToArray());
}
