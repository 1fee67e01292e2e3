namespace AcousticDistill.Grains.Registry;

/// <summary>Persisted registry of one family: versions (ids, lineage, metrics) and the serving history. No weights.</summary>
[GenerateSerializer, Alias("AcousticDistill.ModelRegistryState")]
public sealed class ModelRegistryState
{
    /// <summary>Every version, in registration order.</summary>
    [Id(0)]
    public List<ModelVersion> Versions { get; set; } = [];

    /// <summary>Ids that served, oldest first; the last one serves now.</summary>
    [Id(1)]
    public List<string> ServingHistory { get; set; } = [];
}
