namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Settings for NAudio's managed WDL resampler, used whenever input arrives at a rate other than the one a
/// model family expects. The defaults match NAudio's own <c>WdlResamplingSampleProvider</c>: linear
/// interpolation with two cascaded low-pass biquads (on the input when going down in rate, on the output
/// when going up), which is cheap and keeps speech bands intact.
/// </summary>
public sealed class ResamplerOptions
{
    /// <summary>Shared default instance; treat as read-only.</summary>
    public static ResamplerOptions Default { get; } = new();

    /// <summary>
    /// Use a windowed-sinc filter instead of linear interpolation: sharper anti-aliasing, more CPU.
    /// When set, <see cref="FilterCount"/> is ignored.
    /// </summary>
    public bool UseSinc { get; init; }

    /// <summary>Taps of the sinc filter (only with <see cref="UseSinc"/>); WDL accepts 4..8192.</summary>
    public int SincSize { get; init; } = 64;

    /// <summary>Sub-sample interpolation steps of the sinc filter (only with <see cref="UseSinc"/>).</summary>
    public int SincInterpolationSize { get; init; } = 32;

    /// <summary>Number of cascaded low-pass biquads for linear mode (0..4; 0 disables filtering).</summary>
    public int FilterCount { get; init; } = 2;

    /// <summary>Cut-off of the low-pass biquads as a fraction of the lower rate's Nyquist frequency.</summary>
    public float FilterCutoff { get; init; } = 0.693f;

    /// <summary>Q factor of the low-pass biquads (0.707 is Butterworth).</summary>
    public float FilterQ { get; init; } = 0.707f;
}
