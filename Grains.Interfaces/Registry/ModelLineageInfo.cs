namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>
/// Where a model version came from (mirrors the lineage inside the artifact): its role, the content hashes of
/// the models it learned from (ensemble members, or a generalist and its specialists), the corpus snapshot, distillation
/// settings, seed and code version.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.ModelLineageInfo")]
public sealed record ModelLineageInfo(
    [property: Id(0)] string Role,
    [property: Id(1)] ImmutableArray<string> Teachers,
    [property: Id(3)] string Corpus,
    [property: Id(4)] double? Temperature,
    [property: Id(5)] double? Alpha,
    [property: Id(6)] int Seed,
    [property: Id(7)] string CodeVersion,
    [property: Id(8)] DateTimeOffset Created);
