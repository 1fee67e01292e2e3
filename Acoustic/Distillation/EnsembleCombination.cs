namespace AcousticDistill.Acoustic.Distillation;

/// <summary>How an ensemble's members' predictions are combined into one distribution.</summary>
public enum EnsembleCombination
{
    /// <summary>Mean of the members' probabilities (what the paper's soft targets use).</summary>
    Arithmetic,
    /// <summary>Renormalised mean of the members' log-probabilities (product of experts).</summary>
    Geometric,
}
