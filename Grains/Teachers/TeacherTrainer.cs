using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Teachers;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Grains.Teachers;

/// <summary>
/// Trains one ensemble member on hard labels with the Acoustic library, as the CLI's <c>ensemble train</c> does for
/// each member: CMVN estimated on the train split (identical for every member of one corpus), dev-selected epochs.
/// </summary>
public sealed class TeacherTrainer(IOptions<ComputeOptions> options)
{
    private readonly ComputeOptions _options = options.Value;

    /// <summary>Trains and serialises a teacher (blocking; call through <see cref="ComputeBudget"/>).</summary>
    public TrainedTeacher Train(TeacherTrainingRequest request, CancellationToken cancellationToken)
    {
        var manifest = CorpusManifest.Load(request.CorpusDirectory);
        var features = new FbankOptions { SampleFrequency = manifest.SampleRate, NumMelBins = request.MelBins };
        features.Validate();
        var train = CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Train, features,
            threads: _options.LoaderThreads, cancellationToken: cancellationToken);
        var dev = manifest.InSplit(CorpusSplit.Dev).Any()
            ? CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Dev, features,
                threads: _options.LoaderThreads, cancellationToken: cancellationToken)
            : null;
        using var data = PreparedCorpus.Create(manifest.Name, train, dev, features, request.Context);
        var architecture = new MlpArchitecture(data.Train.FeatureDim, data.Context, request.HiddenLayers, request.HiddenWidth,
            request.Dropout, PhoneSet.ClassCount);
        var training = new TrainingOptions
        {
            Epochs = request.Epochs,
            BatchSize = request.BatchSize,
            LearningRate = request.LearningRate,
            Seed = request.Seed,
            Threads = _options.TorchThreads,
            Device = _options.Device,
            Schedule = dev is null ? "constant" : "plateau",
        };
        manual_seed(request.Seed);
        using var model = new FrameClassifier(architecture);
        var report = new FrameTrainer(training).Train(model, data.Train, new HardLabelObjective(data.Train), data.Dev,
            cancellationToken: cancellationToken);
        model.to(CPU);
        var lineage = new ModelLineage("teacher", [], data.Name, null, null, request.Seed, CodeVersion.Current, DateTimeOffset.UtcNow);
        var metadata = TrainedModelMetadata.Create(data, architecture, report, request.Family, lineage);
        return new TrainedTeacher(ModelArtifact.Serialize(model, metadata), report.BestDevFrameAccuracy, report.FramesPerSecond);
    }
}
