namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// The model families that serve streams, as configured (<c>Transcription:Families</c>: family → sample rate). The
/// silos load and serve them; the Gateway lists them and checks family names in its routes. Both read the same key
/// with the same defaults, from here.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Configuration section holding the <c>Families</c> key.</summary>
    public const string Section = "Transcription";

    /// <summary>A fresh copy of the default families: <c>en-16k</c> (16 kHz) and <c>en-8k</c> (8 kHz telephone).</summary>
    public static Dictionary<string, int> Defaults() => new() { ["en-16k"] = 16000, ["en-8k"] = 8000 };
}
