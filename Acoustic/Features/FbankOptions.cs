namespace AcousticDistill.Acoustic.Features;

// TEMPORARY placeholder until the features branch lands (it owns this file).
/// <summary>Placeholder.</summary>
public sealed class FbankOptions
{
    /// <summary>Placeholder.</summary>
    public float SampleFrequency { get; set; } = 16000;
    /// <summary>Placeholder.</summary>
    public int NumMelBins { get; set; } = 40;
}
