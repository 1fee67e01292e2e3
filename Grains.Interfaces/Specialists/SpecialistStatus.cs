using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Grains.Interfaces.Specialists;

/// <summary>
/// A specialist's training phase, its artifact in the model store once trained, the frame classes of its
/// cluster, and its frame accuracy (0–1) on the dev frames labelled with those classes — a dustbin answer counts as
/// wrong — next to the generalist's accuracy on the same frames, and the generalist's artifact id (of the last request).
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SpecialistStatus")]
public sealed record SpecialistStatus(
    [property: Id(0)] string Key,
    [property: Id(1)] TrainingPhase Phase,
    [property: Id(2)] string? ArtifactId,
    [property: Id(3)] ImmutableArray<int> Classes,
    [property: Id(4)] double? ClusterDevFrameAccuracy,
    [property: Id(5)] double? GeneralistClusterDevFrameAccuracy,
    [property: Id(6)] long ClusterDevFrames,
    [property: Id(7)] string? Message,
    [property: Id(8)] string? GeneralistArtifactId = null);
