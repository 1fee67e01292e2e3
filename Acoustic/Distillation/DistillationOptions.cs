namespace AcousticDistill.Acoustic.Distillation;

/// <summary>Settings of one distillation: temperature of the soft targets, weight of the hard-label term, and how teachers are combined.</summary>
public sealed record DistillationOptions(double Temperature = 2.0, double Alpha = 0.5, EnsembleCombination Combination = EnsembleCombination.Arithmetic)
{
    /// <summary>Throws a clear error for values that cannot work.</summary>
    public void Validate()
    {
        if (!(Temperature > 0) || Temperature > 1000)
        {
            throw new ArgumentException($"temperature must be in (0, 1000], got {Temperature}.");
        }
        if (!(Alpha >= 0))
        {
            throw new ArgumentException($"alpha must be >= 0, got {Alpha}.");
        }
    }
}
