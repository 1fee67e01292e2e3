namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>A running job as its stages see it: its id, its persisted state and its work folder.</summary>
public sealed class DistillationJobContext(Guid jobId, DistillationJobState state, string workDirectory)
{
    /// <summary>The job's id (its grain key).</summary>
    public Guid JobId { get; } = jobId;

    /// <summary>The job's persisted state; stages record their results here.</summary>
    public DistillationJobState State { get; } = state;

    /// <summary>What the job was asked to do.</summary>
    public DistillationJobRequest Request => State.Request ?? throw new InvalidOperationException($"Job {JobId} has no request.");

    /// <summary>The job's intermediate files (soft targets, extracted features, the teachers' ensemble folder).</summary>
    public string WorkDirectory { get; } = workDirectory;

    /// <summary>Where extracted corpus splits are kept, so the job extracts each split once over all its stages.</summary>
    public string FeatureCacheDirectory => Path.Combine(WorkDirectory, "features");
}
