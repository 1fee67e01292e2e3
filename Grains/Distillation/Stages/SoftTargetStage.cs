namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>Computes the ensemble's soft targets over the transfer set into the job's work folder.</summary>
public sealed class SoftTargetStage(JobTeachers teachers, ComputeBudget compute, IOptions<ComputeOptions> options) : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.CollectSoftTargets;

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var teachersDirectory = await teachers.DirectoryAsync(job, cancellationToken);
        await compute.RunAsync(ct =>
        {
            using var set = TeachingSet.Load(job, teachersDirectory, options.Value.LoaderThreads, ct);
            using var soft = set.SoftTargets(job, options.Value.Device, ct);
            return soft.shape[0];
        }, cancellationToken);
    }
}
