namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>
/// One version of a family's model as the registry knows it: the artifact's content address (sha256) in the
/// model store, lineage, metrics and status. Never the weights.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.ModelVersion")]
public sealed record ModelVersion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Family,
    [property: Id(2)] ModelLineageInfo Lineage,
    [property: Id(3)] ModelMetrics Metrics,
    [property: Id(4)] ModelVersionStatus Status = ModelVersionStatus.Candidate,
    [property: Id(5)] string? StatusReason = null,
    [property: Id(6)] DateTimeOffset? RegisteredAt = null);
