namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Computes the teachers' soft targets over the transfer set and stores them in the model store (see
/// <see cref="JobSoftTargets"/>): the one place a job computes them.
/// </summary>
public sealed class SoftTargetStage(JobTeachers teachers, JobSoftTargets softTargets, ComputeBudget compute, IOptions<ComputeOptions> options)
    : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.CollectSoftTargets;

    /// <inheritdoc />
    public Task<bool> HasOutputAsync(DistillationJobContext job, CancellationToken cancellationToken) =>
        softTargets.AreStoredAsync(job, cancellationToken);

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var folder = await teachers.FolderAsync(job, cancellationToken);
        var file = await compute.RunAsync(ct =>
        {
            using var set = TeachingSet.Load(job, folder, options.Value.LoaderThreads, ct);
            using var soft = set.ComputeSoftTargets(job, options.Value.Device, ct);
            var written = Path.Combine(job.WorkDirectory, $"soft-targets-{Guid.NewGuid():N}.f32");
            SoftTargetFile.Write(written, soft);
            return written;
        }, cancellationToken);
        await softTargets.StoreAsync(job, file, cancellationToken);
    }
}
