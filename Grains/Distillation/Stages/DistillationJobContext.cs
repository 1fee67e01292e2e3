namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>A running job as its stages see it: its id, its persisted state, its work folder, and a way to persist the state now.</summary>
public sealed class DistillationJobContext(Guid jobId, DistillationJobState state, string workDirectory, Func<Task> checkpoint)
{
    /// <summary>The job's id (its grain key).</summary>
    public Guid JobId { get; } = jobId;

    /// <summary>The job's persisted state; stages record their results here.</summary>
    public DistillationJobState State { get; } = state;

    /// <summary>What the job was asked to do.</summary>
    public DistillationJobRequest Request => State.Request ?? throw new InvalidOperationException($"Job {JobId} has no request.");

    /// <summary>
    /// This silo's folder of the job's intermediate files (extracted features, the teachers' folder, a copy of the soft
    /// targets): a cache only, since a job may resume on a silo whose folder is empty; what must survive is in the model store.
    /// </summary>
    public string WorkDirectory { get; } = workDirectory;

    /// <summary>Where extracted corpus splits are kept, so the job extracts each split once over all its stages.</summary>
    public string FeatureCacheDirectory => Path.Combine(WorkDirectory, "features");

    /// <summary>This silo's copy of the soft targets stored as blob <paramref name="id"/>.</summary>
    public string SoftTargetsFile(string id) => Path.Combine(WorkDirectory, $"soft-targets-{id}.f32");

    /// <summary>
    /// Persists the job's state now. A stage calls it as soon as its output is in the model store and recorded in the
    /// state, so an interruption before the stage ends finds the output and does not run the stage again.
    /// </summary>
    public Task CheckpointAsync() => checkpoint();
}
