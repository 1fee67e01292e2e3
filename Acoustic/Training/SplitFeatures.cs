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
}
