namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>How often a family is re-distilled, and with what job settings.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.DistillationSchedule")]
public sealed record DistillationSchedule(
    [property: Id(0)] TimeSpan Period,
    [property: Id(1)] DistillationJobRequest Job);
