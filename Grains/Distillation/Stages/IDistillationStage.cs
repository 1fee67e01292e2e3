namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// One stage of a distillation job. A stage reads what earlier stages left (in the job's state, its work folder and the
/// model store), does its work — heavy parts through the compute budget — and records its results in the job's state; the
/// job grain persists that state after each stage, so a resumed job starts at the first stage not finished.
/// </summary>
public interface IDistillationStage
{
    /// <summary>Which stage this is.</summary>
    DistillationStage Stage { get; }

    /// <summary>Runs the stage for <paramref name="job"/>.</summary>
    Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken);
}
