namespace AcousticDistill.Grains.Interfaces.Corpora;

/// <summary>A corpus folder registered as a family's newest data: where it is, its manifest name and size.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.CorpusSnapshot")]
public sealed record CorpusSnapshot(
    [property: Id(0)] string Family,
    [property: Id(1)] string Directory,
    [property: Id(2)] string Name,
    [property: Id(3)] int Utterances,
    [property: Id(4)] DateTimeOffset Registered);
