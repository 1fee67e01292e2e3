namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Vocal tract length perturbation of a training split (Jaitly and Hinton 2013): besides each utterance's own
/// features, <see cref="Copies"/> more copies are computed with the mel filters warped (<see cref="VtlnWarp"/>) by a
/// factor drawn uniformly from [1 − <see cref="MaxWarp"/>, 1 + <see cref="MaxWarp"/>] per copy, so a model sees
/// each sentence from several simulated speakers. Only for training data: dev, test and serving stay unwarped.
/// </summary>
public sealed record VtlpOptions
{
    /// <summary>Largest relative change of the warp factor, e.g. 0.1 for α in [0.9, 1.1].</summary>
    public double MaxWarp { get; init; } = 0.1;

    /// <summary>Warped copies per utterance, added to the unwarped original.</summary>
    public int Copies { get; init; } = 1;

    /// <summary>Seed of the warp factors (with the utterance's index and the copy's number).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> on unusable values.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MaxWarp) || MaxWarp <= 0 || MaxWarp > 0.5)
        {
            throw new ArgumentException($"The VTLP warp range must be in (0, 0.5], got {MaxWarp}.");
        }
        if (Copies < 1)
        {
            throw new ArgumentException($"VTLP needs at least one warped copy, got {Copies}.");
        }
    }

    /// <summary>The warp factor of copy <paramref name="copy"/> (from 1) of utterance <paramref name="utterance"/>.</summary>
    public double FactorFor(int utterance, int copy)
    {
        // A fixed mix (HashCode is randomised per process), so the same seed gives the same factors in every run.
        var random = new Random(unchecked((Seed * 1_000_003) + (utterance * 7919) + copy));
        return 1.0 + (MaxWarp * ((2 * random.NextDouble()) - 1));
    }
}
