namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// The job's soft targets, output of the CollectSoftTargets stage: a blob in the model store whose id the job's state
/// records, with a copy in the work folder of each silo that reads them. A job resumed on a silo whose work folder lacks
/// them fetches them from the store instead of computing them again.
/// </summary>
public sealed class JobSoftTargets(IModelStore store)
{
    /// <summary>
    /// Puts the soft targets written to <paramref name="file"/> into the store, keeps the file as this silo's copy, records
    /// the blob's id and checkpoints the job.
    /// </summary>
    public async Task StoreAsync(DistillationJobContext job, string file, CancellationToken cancellationToken)
    {
        var id = await store.PutBlobAsync(file, cancellationToken);
        File.Move(file, job.SoftTargetsFile(id), overwrite: true);
        job.State.SoftTargetsId = id;
        await job.CheckpointAsync();
    }

    /// <summary>True when the job's soft targets are recorded and present in the store.</summary>
    public async Task<bool> AreStoredAsync(DistillationJobContext job, CancellationToken cancellationToken) =>
        job.State.SoftTargetsId is { } id && await store.ContainsBlobAsync(id, cancellationToken);

    /// <summary>This silo's file of the recorded soft targets, fetched from the store (hash-checked) when it has none yet.</summary>
    public async Task<string> FileAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var id = job.State.SoftTargetsId ?? throw new InvalidOperationException($"Job {job.JobId} has no soft targets recorded.");
        var file = job.SoftTargetsFile(id);
        if (!File.Exists(file))
        {
            await store.GetBlobAsync(id, file, cancellationToken);
        }
        return file;
    }
}
