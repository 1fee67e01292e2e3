namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// Progress of a distillation job: the next stage to run, the outcome so far, the candidate it produced and its
/// dev frame accuracy, wall time per completed stage, how many times it was resumed after an interruption, and the
/// silo (address:port) whose activation answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.DistillationJobStatus")]
public sealed record DistillationJobStatus(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string? Family,
    [property: Id(2)] DistillationStage NextStage,
    [property: Id(3)] DistillationOutcome Outcome,
    [property: Id(4)] string? CandidateId,
    [property: Id(5)] double? DevFrameAccuracy,
    [property: Id(6)] string? Message,
    [property: Id(7)] ImmutableArray<StageTiming> Stages,
    [property: Id(8)] int Resumes,
    [property: Id(9)] string? Silo = null)
{
    /// <summary>True once the job has an outcome other than running.</summary>
    public bool IsFinished => Outcome is not (DistillationOutcome.Running or DistillationOutcome.NotStarted);
}
