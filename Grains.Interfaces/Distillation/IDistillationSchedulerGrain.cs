using AcousticDistill.Grains.Interfaces.Corpora;

namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// Re-distils one family (key = family) on a persistent reminder, or when woken (new data from the corpus grain). Overlapping
/// triggers coalesce: while a job of the family runs, a trigger returns that job instead of starting another.
/// </summary>
[Alias("AcousticDistill.IDistillationSchedulerGrain")]
public interface IDistillationSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Stores the schedule and registers (or updates) the family's reminder with its period.</summary>
    [Alias("Configure")]
    Task<SchedulerStatus> ConfigureAsync(DistillationSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Starts a job unless one is running; returns the id of the job that runs (new or existing).</summary>
    [Alias("Trigger")]
    Task<Guid> TriggerAsync(string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="snapshot"/> the corpus of the next jobs and triggers one (coalesced like any trigger);
    /// returns the running job, or null while the family has no schedule yet (the snapshot is still kept).
    /// </summary>
    [Alias("NewData")]
    Task<Guid?> NewDataAsync(CorpusSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The schedule and the active job.</summary>
    [Alias("GetStatus")]
    Task<SchedulerStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Unregisters the reminder (a running job finishes).</summary>
    [Alias("Stop")]
    Task StopAsync(CancellationToken cancellationToken = default);
}
