using static TorchSharp.torch;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// What the soft-target and training stages share (blocking; run through the compute budget): the teachers, and the corpus
/// fed as the teachers were fed (splits from the job's feature cache), through the library's <see cref="StudentDistillation"/>
/// steps. Only the soft-target stage computes soft targets; the training stage reads the stored ones.
/// </summary>
internal sealed class TeachingSet : IDisposable
{
    private TeachingSet(TeachingModel teachers, IReadOnlyList<string> teacherHashes, PreparedCorpus data)
    {
        Teachers = teachers;
        TeacherHashes = teacherHashes;
        Data = data;
    }

    public TeachingModel Teachers { get; }

    public IReadOnlyList<string> TeacherHashes { get; }

    public PreparedCorpus Data { get; }

    public static TeachingSet Load(DistillationJobContext job, TeacherFolder folder, int loaderThreads, CancellationToken cancellationToken)
    {
        var teachers = TeachingModel.Load(folder);
        try
        {
            var input = CorpusPreparationOptions.FedAs(teachers.Metadata, job.Request.CorpusDirectory) with
            {
                LoaderThreads = loaderThreads,
                FeatureCacheDirectory = job.FeatureCacheDirectory,
            };
            return new TeachingSet(teachers, folder.Hashes(), CorpusPreparation.Prepare(input, cancellationToken: cancellationToken));
        }
        catch
        {
            teachers.Dispose();
            throw;
        }
    }

    /// <summary>The teachers' soft targets over the transfer set, computed.</summary>
    public Tensor ComputeSoftTargets(DistillationJobContext job, string device, CancellationToken cancellationToken) =>
        Teachers.SoftTargets(Data, Options(job), device, cancellationToken);

    /// <summary>The soft targets stored in <paramref name="file"/> (refused unless they have a row per transfer frame).</summary>
    public Tensor ReadSoftTargets(string file) => SoftTargetFile.Read(file, Data.Train.Count, Teachers.Classes);

    public static DistillationOptions Options(DistillationJobContext job) => new(job.Request.Temperature, job.Request.Alpha);

    public void Dispose()
    {
        Data.Dispose();
        Teachers.Dispose();
    }
}
