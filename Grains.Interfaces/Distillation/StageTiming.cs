namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// Wall time of one completed stage. <paramref name="Reused"/>: the stage did not run, because a resumed job found its
/// output already recorded in its state and present in the model store (the stage had finished before the interruption).
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.StageTiming")]
public sealed record StageTiming(
    [property: Id(0)] DistillationStage Stage,
    [property: Id(1)] double Seconds,
    [property: Id(2)] bool Reused = false);
