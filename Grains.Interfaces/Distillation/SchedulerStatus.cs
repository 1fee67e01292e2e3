namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>A family's scheduler: its schedule, the job it runs now (at most one), and its trigger history, and the corpus the next job uses.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SchedulerStatus")]
public sealed record SchedulerStatus(
    [property: Id(0)] string Family,
    [property: Id(1)] DistillationSchedule? Schedule,
    [property: Id(2)] Guid? ActiveJobId,
    [property: Id(3)] int JobsStarted,
    [property: Id(4)] int TriggersCoalesced,
    [property: Id(5)] string? LastTriggerReason,
    [property: Id(6)] DateTimeOffset? LastTriggered,
    [property: Id(7)] string? CorpusDirectory);
