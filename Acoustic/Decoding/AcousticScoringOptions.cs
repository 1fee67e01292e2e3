namespace AcousticDistill.Acoustic.Decoding;

/// <summary>How posteriors become decoder scores: score = AcousticScale · (log p(c|x) − PriorScale · log p(c)).</summary>
public sealed record AcousticScoringOptions
{
    /// <summary>Weight of the acoustic scores against transition and grammar weights (Kaldi's acoustic scale).</summary>
    public float AcousticScale { get; init; } = 1.0f;

    /// <summary>How much of the class prior to divide out (1 = the textbook hybrid rule, 0 = raw posteriors).</summary>
    public float PriorScale { get; init; } = 1.0f;

    /// <summary>Frames scored per forward pass of the network when whole utterances are scored.</summary>
    public int BatchFrames { get; init; } = 4096;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!(AcousticScale > 0) || !float.IsFinite(AcousticScale) || !(PriorScale >= 0) || !float.IsFinite(PriorScale) || BatchFrames <= 0)
        {
            throw new ArgumentException(
                $"Acoustic scale must be > 0, prior scale ≥ 0 and batch frames > 0; got {AcousticScale}, {PriorScale}, {BatchFrames}.");
        }
    }
}
