namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// One distillation run as a durable stage machine (key = job id): soft targets → student → evaluation →
/// promote or reject. Progress is persisted after each stage; a re-activated job continues from the last
/// completed stage. The heavy work runs off the grain scheduler, so status calls answer while it trains.
/// </summary>
[Alias("AcousticDistill.IDistillationJobGrain")]
public interface IDistillationJobGrain : IGrainWithGuidKey
{
    /// <summary>Starts the job (a second call with the job already started only returns its status).</summary>
    [Alias("Start")]
    Task<DistillationJobStatus> StartAsync(DistillationJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Current progress.</summary>
    [Alias("GetStatus")]
    Task<DistillationJobStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks a running job to stop; it ends as <see cref="DistillationOutcome.Cancelled"/> at the next check.</summary>
    [Alias("Cancel")]
    Task<DistillationJobStatus> CancelAsync(CancellationToken cancellationToken = default);
}
