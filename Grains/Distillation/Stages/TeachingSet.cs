using static TorchSharp.torch;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// What the soft-target and training stages share (blocking; run through the compute budget): the teaching ensemble, the
/// corpus fed as the teachers were fed (splits from the job's feature cache), and the soft targets (from the job's soft-target
/// cache), all through the library's <see cref="StudentDistillation"/> steps.
/// </summary>
internal sealed class TeachingSet : IDisposable
{
    private TeachingSet(Ensemble teachers, IReadOnlyList<string> teacherHashes, PreparedCorpus data)
    {
        Teachers = teachers;
        TeacherHashes = teacherHashes;
        Data = data;
    }

    public Ensemble Teachers { get; }

    public IReadOnlyList<string> TeacherHashes { get; }

    public PreparedCorpus Data { get; }

    public static TeachingSet Load(DistillationJobContext job, string teachersDirectory, int loaderThreads, CancellationToken cancellationToken)
    {
        var teachers = EnsembleDirectory.Load(teachersDirectory);
        try
        {
            var input = StudentDistillation.TeacherInput(teachers, job.Request.CorpusDirectory) with
            {
                LoaderThreads = loaderThreads,
                FeatureCacheDirectory = job.FeatureCacheDirectory,
            };
            return new TeachingSet(teachers, EnsembleDirectory.MemberHashes(teachersDirectory),
                CorpusPreparation.Prepare(input, cancellationToken: cancellationToken));
        }
        catch
        {
            teachers.Dispose();
            throw;
        }
    }

    /// <summary>The ensemble's soft targets over the transfer set (computed once per job, then read from its work folder).</summary>
    public Tensor SoftTargets(DistillationJobContext job, string device, CancellationToken cancellationToken) =>
        StudentDistillation.SoftTargets(Teachers, TeacherHashes, Data, Options(job), device, new SoftTargetCache(job.WorkDirectory),
            cancellationToken: cancellationToken);

    public static DistillationOptions Options(DistillationJobContext job) => new(job.Request.Temperature, job.Request.Alpha);

    public void Dispose()
    {
        Data.Dispose();
        Teachers.Dispose();
    }
}
