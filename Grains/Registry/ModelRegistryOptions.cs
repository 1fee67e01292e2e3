namespace AcousticDistill.Grains.Registry;

/// <summary>Settings of the model registry's promotion guard.</summary>
public sealed class ModelRegistryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Registry";

    /// <summary>
    /// How many percentage points of dev frame accuracy a candidate may lose against the serving version and
    /// still be promoted (0.2 = 0.2 points, i.e. 0.002 in 0–1 accuracy).
    /// </summary>
    public double PromotionTolerancePoints { get; set; } = 0.2;
}
