namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// Variation applied to one utterance: <see cref="DurationStretch"/> &gt; 1 speaks slower,
/// <see cref="PitchFactor"/> scales the voice's mean F0. (1, 1) is the voice's default.
/// </summary>
public sealed record Prosody(double DurationStretch, double PitchFactor)
{
    /// <summary>The voice as it comes.</summary>
    public static Prosody Neutral { get; } = new(1.0, 1.0);
}
