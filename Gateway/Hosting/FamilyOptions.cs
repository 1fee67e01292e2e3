namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// The model families this Gateway lists (<c>GET /v1/models</c>) and accepts in model routes: the key
/// <c>Transcription:Families</c>, the same setting the silos serve (<see cref="ModelFamilies"/>).
/// </summary>
public sealed class FamilyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = ModelFamilies.Section;

    /// <summary>Family → sample rate of its models.</summary>
    public Dictionary<string, int> Families { get; set; } = ModelFamilies.Defaults();
}
