namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Trains the student on the stored soft targets with the library's <see cref="StudentDistillation"/> (the same call as
/// the CLI's <c>distill</c>), stores its teachers (so its lineage resolves in the store) and it, and records its lineage
/// and training figures.
/// </summary>
public sealed class StudentTrainingStage(
    JobTeachers teachers,
    JobSoftTargets softTargets,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    IOptions<ComputeOptions> options) : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.TrainStudent;

    /// <inheritdoc />
    public async Task<bool> HasOutputAsync(DistillationJobContext job, CancellationToken cancellationToken) =>
        job.State.CandidateId is { } id && await store.ContainsAsync(id, cancellationToken);

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var folder = await teachers.FolderAsync(job, cancellationToken);
        var softTargetsFile = await softTargets.FileAsync(job, cancellationToken);
        var (bytes, lineage, parameters, framesPerSecond) = await compute.RunAsync(ct => Train(job, folder, softTargetsFile, ct), cancellationToken);
        foreach (var member in folder.Files())
        {
            await store.PutAsync(await File.ReadAllBytesAsync(member, cancellationToken), cancellationToken);
        }
        job.State.CandidateId = await store.PutAsync(bytes, cancellationToken);
        job.State.Lineage = RegistryRecords.Lineage(lineage);
        job.State.Metrics = new ModelMetrics(double.NaN, null, parameters, bytes.Length, framesPerSecond);
        await job.CheckpointAsync();
        metrics.Trained(job.Request.Family, "student", framesPerSecond);
    }

    private (byte[] Bytes, ModelLineage Lineage, long Parameters, double FramesPerSecond) Train(DistillationJobContext job,
        TeacherFolder folder, string softTargetsFile, CancellationToken cancellationToken)
    {
        var device = options.Value.Device;
        using var set = TeachingSet.Load(job, folder, options.Value.LoaderThreads, cancellationToken);
        using var soft = set.ReadSoftTargets(softTargetsFile);
        var student = new StudentDistillationOptions(job.Request.Student.ToShape(), job.Request.Student.ToTrainingOptions(device),
            TeachingSet.Options(job), job.Request.Family);
        using var trained = StudentDistillation.Train(set.Data, soft, set.TeacherHashes, student, cancellationToken: cancellationToken);
        return (trained.Serialize(), trained.Metadata.Lineage, trained.Model.Architecture.ParameterCount, trained.Report.FramesPerSecond);
    }
}
