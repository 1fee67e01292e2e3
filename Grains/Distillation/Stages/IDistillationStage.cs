namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// One stage of a distillation job. A stage reads what earlier stages left (in the job's state and the model store; the
/// work folder is only this silo's cache), does its work — heavy parts through the compute budget — and makes its output
/// durable (large outputs in the model store, their ids and figures in the job's state) before it returns; the job grain
/// persists that state after each stage, so a resumed job, on this silo or another, starts at the first stage not finished.
/// </summary>
public interface IDistillationStage
{
    /// <summary>Which stage this is.</summary>
    DistillationStage Stage { get; }

    /// <summary>
    /// True when this stage's output is recorded in <paramref name="job"/>'s state and present in the model store: a
    /// resumed job does not run the stage again, and the next stage may rely on it.
    /// </summary>
    Task<bool> HasOutputAsync(DistillationJobContext job, CancellationToken cancellationToken);

    /// <summary>Runs the stage for <paramref name="job"/>.</summary>
    Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken);
}
