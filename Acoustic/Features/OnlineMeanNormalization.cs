namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Causal per-utterance mean normalisation of filterbank frames, so that a speaker's or channel's spectral colouring
/// is removed without waiting for the end of the utterance. Frame t becomes x_t − m_t with
/// m_t = (<see cref="PriorFrames"/> · <see cref="PriorMean"/> + Σ x_i) / (<see cref="PriorFrames"/> + n_t), the sum over
/// the n_t frames up to and including t (the last <see cref="WindowFrames"/> of them when that is positive). The prior
/// (a training corpus's mean raw frame) keeps the first frames of an utterance from being normalised by almost nothing.
/// Only past and present frames are read, so a live stream gets exactly the frames a whole utterance gets.
/// Set on <see cref="FbankOptions.MeanNormalization"/>; it then travels with a model in its feature options.
/// </summary>
public sealed class OnlineMeanNormalization
{
    /// <summary>Mean raw frame the running mean starts from (one value per feature dimension).</summary>
    public float[] PriorMean { get; set; } = [];

    /// <summary>Weight of <see cref="PriorMean"/>, in frames (0: none; the first frame then normalises to zero).</summary>
    public double PriorFrames { get; set; } = 30;

    /// <summary>Frames of history in the running mean (0: all frames since the start of the utterance).</summary>
    public int WindowFrames { get; set; }

    /// <summary>A deep copy.</summary>
    public OnlineMeanNormalization Clone() => new() { PriorMean = (float[])PriorMean.Clone(), PriorFrames = PriorFrames, WindowFrames = WindowFrames };

    /// <summary>Throws <see cref="ArgumentException"/> unless the settings fit frames of <paramref name="featureDim"/> values.</summary>
    public void Validate(int featureDim)
    {
        if (PriorMean is null || PriorMean.Length != featureDim)
        {
            throw new ArgumentException(
                $"Invalid filterbank options: the online mean normalisation's prior has {PriorMean?.Length ?? 0} values but frames have {featureDim}.");
        }
        if (PriorMean.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("Invalid filterbank options: the online mean normalisation's prior contains a value that is not finite.");
        }
        if (!double.IsFinite(PriorFrames) || PriorFrames < 0)
        {
            throw new ArgumentException($"Invalid filterbank options: PriorFrames must be zero or positive, got {PriorFrames}.");
        }
        if (WindowFrames < 0)
        {
            throw new ArgumentException($"Invalid filterbank options: WindowFrames must be zero or positive, got {WindowFrames}.");
        }
    }
}
