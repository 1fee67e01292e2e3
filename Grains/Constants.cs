namespace AcousticDistill.Grains;

/// <summary>Names shared by the grains and the host that configures them.</summary>
public static class Constants
{
    /// <summary>Grain storage holding registry, job and scheduler state (small: ids, metrics, progress).</summary>
    public const string StateStorage = "acoustic-state";

    /// <summary>Name of the per-family re-distillation reminder.</summary>
    public const string RedistillReminder = "redistill";
}
