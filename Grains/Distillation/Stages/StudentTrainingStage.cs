namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Trains the student on the stored soft targets with the library's <see cref="StudentDistillation"/> (the same call as
/// the CLI's <c>distill</c>), stores it and its teachers (so its lineage resolves in the store) and records its lineage
/// and training figures.
/// </summary>
public sealed class StudentTrainingStage(
    JobTeachers teachers,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    IOptions<ComputeOptions> options) : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.TrainStudent;

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var teachersDirectory = await teachers.DirectoryAsync(job, cancellationToken);
        var (bytes, lineage, parameters, framesPerSecond) = await compute.RunAsync(ct => Train(job, teachersDirectory, ct), cancellationToken);
        job.State.CandidateId = await store.PutAsync(bytes, cancellationToken);
        foreach (var member in EnsembleDirectory.MemberFiles(teachersDirectory))
        {
            await store.PutAsync(await File.ReadAllBytesAsync(member, cancellationToken), cancellationToken);
        }
        job.State.Lineage = RegistryRecords.Lineage(lineage);
        job.State.Metrics = new ModelMetrics(double.NaN, null, parameters, bytes.Length, framesPerSecond);
        metrics.Trained(job.Request.Family, "student", framesPerSecond);
    }

    private (byte[] Bytes, ModelLineage Lineage, long Parameters, double FramesPerSecond) Train(DistillationJobContext job,
        string teachersDirectory, CancellationToken cancellationToken)
    {
        var device = options.Value.Device;
        using var set = TeachingSet.Load(job, teachersDirectory, options.Value.LoaderThreads, cancellationToken);
        using var soft = set.SoftTargets(job, device, cancellationToken);
        var student = new StudentDistillationOptions(job.Request.Student.ToShape(), job.Request.Student.ToTrainingOptions(device),
            TeachingSet.Options(job), job.Request.Family);
        using var trained = StudentDistillation.Train(set.Data, soft, set.TeacherHashes, student, cancellationToken: cancellationToken);
        return (trained.Serialize(), trained.Metadata.Lineage, trained.Model.Architecture.ParameterCount, trained.Report.FramesPerSecond);
    }
}
