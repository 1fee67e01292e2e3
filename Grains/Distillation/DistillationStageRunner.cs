using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Distillation;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// The work of each distillation stage, as plain blocking calls into the Acoustic library (the same code the CLI
/// runs). Grains call it through <see cref="ComputeBudget"/>; each stage reads its inputs from disk, so a job can
/// resume any stage on any silo that sees the corpus, the ensemble and the work folder.
/// </summary>
public sealed class DistillationStageRunner(IOptions<ComputeOptions> options)
{
    private readonly ComputeOptions _options = options.Value;

    /// <summary>Computes the ensemble's soft targets over the transfer set into the job's work folder; returns the frame count.</summary>
    public long CollectSoftTargets(DistillationJobRequest request, string workDirectory, CancellationToken cancellationToken)
    {
        using var teachers = EnsembleDirectory.Load(request.TeachersDirectory);
        using var data = Prepare(request, teachers.Metadata, teachers.Members[0].Architecture.Context, cancellationToken);
        using var soft = SoftTargets(request, teachers, data, workDirectory, cancellationToken);
        return data.Train.Count;
    }

    /// <summary>Trains the student on the cached soft targets and serialises it with its metadata and lineage.</summary>
    public StudentArtifact TrainStudent(DistillationJobRequest request, string workDirectory, CancellationToken cancellationToken)
    {
        using var teachers = EnsembleDirectory.Load(request.TeachersDirectory);
        using var data = Prepare(request, teachers.Metadata, teachers.Members[0].Architecture.Context, cancellationToken);
        using var soft = SoftTargets(request, teachers, data, workDirectory, cancellationToken);
        var distillation = new Acoustic.Distillation.DistillationOptions(request.Temperature, request.Alpha);
        var training = new TrainingOptions
        {
            Epochs = request.Epochs,
            BatchSize = request.BatchSize,
            LearningRate = request.LearningRate,
            Seed = request.Seed,
            Threads = _options.TorchThreads,
            Device = _options.Device,
            Schedule = data.Dev is null ? "constant" : "plateau",
        };
        var architecture = new MlpArchitecture(data.Train.FeatureDim, data.Context, request.HiddenLayers, request.HiddenWidth,
            request.Dropout, PhoneSet.ClassCount);
        manual_seed(request.Seed);
        using var student = new FrameClassifier(architecture);
        var report = Distiller.TrainStudent(student, data, soft, distillation, training, cancellationToken: cancellationToken);
        student.to(CPU);
        var lineage = new ModelLineage("student", EnsembleDirectory.MemberHashes(request.TeachersDirectory), data.Name,
            request.Temperature, request.Alpha, request.Seed, CodeVersion.Current, DateTimeOffset.UtcNow);
        var metadata = TrainedModelMetadata.Create(data, architecture, report, request.Family, lineage);
        return new StudentArtifact(ModelArtifact.Serialize(student, metadata), architecture.ParameterCount, report.FramesPerSecond, lineage);
    }

    /// <summary>Scores an artifact on the corpus's dev split (and test split when present), fed as its metadata says.</summary>
    public StudentEvaluation Evaluate(DistillationJobRequest request, byte[] artifactBytes, CancellationToken cancellationToken)
    {
        var artifact = ModelArtifact.Deserialize(artifactBytes, "candidate");
        using var model = artifact.Model;
        var manifest = CorpusManifest.Load(request.CorpusDirectory);
        var dev = Score(request, manifest, artifact.Metadata, model, CorpusSplit.Dev, cancellationToken)
            ?? throw new InvalidDataException($"Corpus '{manifest.Name}' has no dev split to judge the student on.");
        var test = Score(request, manifest, artifact.Metadata, model, CorpusSplit.Test, cancellationToken);
        return new StudentEvaluation(dev, test);
    }

    /// <summary>
    /// Frame accuracy of the teaching ensemble (members averaged in probability at T = 1, as the CLI's <c>eval</c> scores
    /// an ensemble) on the corpus's dev split.
    /// </summary>
    public double EvaluateTeachers(DistillationJobRequest request, CancellationToken cancellationToken)
    {
        using var teachers = EnsembleDirectory.Load(request.TeachersDirectory);
        var manifest = CorpusManifest.Load(request.CorpusDirectory);
        if (!manifest.InSplit(CorpusSplit.Dev).Any())
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no dev split to judge the teachers on.");
        }
        var features = CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Dev, teachers.Metadata.Features,
            threads: _options.LoaderThreads, cancellationToken: cancellationToken);
        using var frames = ModelScoring.Prepare(teachers.Metadata, features);
        return EnsembleScoring.Score(teachers, frames, EnsembleCombination.Arithmetic).FrameAccuracy;
    }

    private double? Score(DistillationJobRequest request, CorpusManifest manifest, ModelMetadata metadata, FrameClassifier model,
        CorpusSplit split, CancellationToken cancellationToken)
    {
        if (!manifest.InSplit(split).Any())
        {
            return null;
        }
        var features = CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, split, metadata.Features,
            threads: _options.LoaderThreads, cancellationToken: cancellationToken);
        using var frames = ModelScoring.Prepare(metadata, features);
        return ModelScoring.Score(model, frames).FrameAccuracy;
    }

    private PreparedCorpus Prepare(DistillationJobRequest request, ModelMetadata teachers, int context, CancellationToken cancellationToken)
    {
        var manifest = CorpusManifest.Load(request.CorpusDirectory);
        var train = CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Train, teachers.Features,
            threads: _options.LoaderThreads, cancellationToken: cancellationToken);
        var dev = manifest.InSplit(CorpusSplit.Dev).Any()
            ? CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Dev, teachers.Features,
                threads: _options.LoaderThreads, cancellationToken: cancellationToken)
            : null;
        var cmvn = new Acoustic.Features.Cmvn(teachers.CmvnMean, teachers.CmvnInvStd);
        return PreparedCorpus.Create(manifest.Name, train, dev, teachers.Features, context, cmvn);
    }

    private Tensor SoftTargets(DistillationJobRequest request, Ensemble teachers, PreparedCorpus data, string workDirectory,
        CancellationToken cancellationToken)
    {
        var options = new Acoustic.Distillation.DistillationOptions(request.Temperature, request.Alpha);
        var key = SoftTargetCache.Key([.. EnsembleDirectory.MemberHashes(request.TeachersDirectory), data.Name, data.Train.Count,
            options.Temperature, options.Combination]);
        return Distiller.TeacherTargets(teachers, data.Train, options, _options.Device, new SoftTargetCache(workDirectory), key,
            cancellationToken: cancellationToken);
    }
}
