using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Grains.Interfaces.Teachers;

/// <summary>A teacher's phase, its artifact in the model store once trained, and its dev frame accuracy (0–1).</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.TeacherStatus")]
public sealed record TeacherStatus(
    [property: Id(0)] string Key,
    [property: Id(1)] TrainingPhase Phase,
    [property: Id(2)] string? ArtifactId,
    [property: Id(3)] double? DevFrameAccuracy,
    [property: Id(4)] string? Message);
