using TorchSharp;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Cli.Output;
using static TorchSharp.torch;

namespace AcousticDistill.Cli.Commands;

/// <summary>A trained network and how its training went.</summary>
internal sealed record TrainedModel(FrameClassifier Model, TrainingReport Report);

/// <summary>Trains one network on a prepared corpus with the CLI's settings, showing progress.</summary>
internal static class ModelTrainingRun
{
    /// <summary>Trains a network of the settings' shape (with <paramref name="width"/> overriding its width when given).</summary>
    public static TrainedModel TrainOne(PreparedCorpus data, NetworkSettings settings, int seed, string role,
        CancellationToken cancellationToken, ITrainingObjective? objective = null, int? width = null) =>
        TrainOne(data, new MlpArchitecture(data.Train.FeatureDim, data.Context, settings.Layers, width ?? settings.Width,
            settings.Dropout, PhoneSet.ClassCount), settings.ToTrainingOptions(seed), role, cancellationToken, objective);

    /// <summary>Trains a new network of <paramref name="architecture"/> with <paramref name="options"/>.</summary>
    public static TrainedModel TrainOne(PreparedCorpus data, MlpArchitecture architecture, TrainingOptions options, string role,
        CancellationToken cancellationToken, ITrainingObjective? objective = null)
    {
        manual_seed(options.Seed);
        var model = new FrameClassifier(architecture);
        var report = ConsoleProgress.Run($"train {role} (seed {options.Seed})", options.Epochs, update =>
            new FrameTrainer(options).Train(model, data.Train, objective ?? new HardLabelObjective(data.Train), data.Dev,
                p => update(p.Epoch - 1 + (double)p.FramesDone / p.FramesPerEpoch,
                    $"epoch {p.Epoch}/{p.Epochs}, loss {p.Loss:F3}, {p.FramesPerSecond:N0} frames/s"),
                cancellationToken));
        model.to(CPU);
        return new TrainedModel(model, report);
    }

    /// <summary>The metadata of <paramref name="trained"/>, built by the library as the silo builds it.</summary>
    public static ModelMetadata Metadata(PreparedCorpus data, TrainedModel trained, string family, ModelLineage lineage) =>
        TrainedModelMetadata.Create(data, trained.Model.Architecture, trained.Report, family, lineage);
}
