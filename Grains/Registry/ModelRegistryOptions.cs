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

    /// <summary>
    /// How many percentage points the dev frame accuracy a caller states at registration may differ from the one recorded
    /// in the artifact's metadata (which is what promotion uses); a larger difference refuses the registration.
    /// </summary>
    public double ClaimedAccuracyTolerancePoints { get; set; } = 0.5;
}
