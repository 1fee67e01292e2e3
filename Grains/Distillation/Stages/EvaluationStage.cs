using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Scores the stored student on the corpus's dev split (and test split when present), fed as its metadata says, and the
/// teachers on dev (at T = 1: ensemble members averaged in probability, as the CLI's <c>eval</c> scores an ensemble, or a
/// generalist refined by its specialists); the figures go into the job's state.
/// </summary>
public sealed class EvaluationStage(
    JobTeachers teachers,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    IOptions<ComputeOptions> options) : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.Evaluate;

    /// <inheritdoc />
    public async Task<bool> HasOutputAsync(DistillationJobContext job, CancellationToken cancellationToken) =>
        job.State is { CandidateId: { } id, Metrics.DevFrameAccuracy: var dev, EnsembleDevFrameAccuracy: not null } && double.IsFinite(dev)
        && await store.ContainsAsync(id, cancellationToken);

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var candidate = await store.GetAsync(job.State.CandidateId!, cancellationToken);
        var folder = await teachers.FolderAsync(job, cancellationToken);
        var (dev, test, ensembleDev) = await compute.RunAsync(ct => Score(job, candidate, folder, ct), cancellationToken);
        job.State.Metrics = job.State.Metrics! with { DevFrameAccuracy = dev, TestFrameAccuracy = test };
        job.State.EnsembleDevFrameAccuracy = ensembleDev;
        job.State.EnsembleVersion = EnsembleVersion.Of(folder.Hashes());
        await job.CheckpointAsync();
        metrics.SetFrameAccuracy(job.Request.Family, job.State.EnsembleVersion, "ensemble", ensembleDev);
    }

    private (double Dev, double? Test, double EnsembleDev) Score(DistillationJobContext job, byte[] candidate, TeacherFolder folder,
        CancellationToken cancellationToken)
    {
        var artifact = ModelArtifact.Deserialize(candidate, "candidate");
        using var model = artifact.Model;
        using var ensemble = TeachingModel.Load(folder);
        var manifest = CorpusManifest.Load(job.Request.CorpusDirectory);
        if (!manifest.InSplit(CorpusSplit.Dev).Any())
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no dev split to judge the student on.");
        }
        // The student reads its teachers' features, so both are scored on one extraction of each split (from the job's cache).
        var input = CorpusPreparationOptions.FedAs(artifact.Metadata, job.Request.CorpusDirectory) with
        {
            LoaderThreads = options.Value.LoaderThreads,
            FeatureCacheDirectory = job.FeatureCacheDirectory,
        };
        var devFeatures = CorpusPreparation.LoadSplit(input, CorpusSplit.Dev, cancellationToken: cancellationToken);
        using var devForStudent = ModelScoring.Prepare(artifact.Metadata, devFeatures);
        using var devForTeachers = ModelScoring.Prepare(ensemble.Metadata, devFeatures);
        var dev = ModelScoring.Score(model, devForStudent).FrameAccuracy;
        var ensembleDev = ensemble.FrameAccuracy(devForTeachers);
        double? test = null;
        if (manifest.InSplit(CorpusSplit.Test).Any())
        {
            using var testSet = ModelScoring.Prepare(artifact.Metadata, CorpusPreparation.LoadSplit(input, CorpusSplit.Test, cancellationToken: cancellationToken));
            test = ModelScoring.Score(model, testSet).FrameAccuracy;
        }
        return (dev, test, ensembleDev);
    }
}
