namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>Wall time of one completed stage.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.StageTiming")]
public sealed record StageTiming([property: Id(0)] DistillationStage Stage, [property: Id(1)] double Seconds);
