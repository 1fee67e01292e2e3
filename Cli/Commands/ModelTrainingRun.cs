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

    public static ModelMetadata Metadata(PreparedCorpus data, TrainedModel trained, string family, ModelLineage lineage) => new(
        family,
        trained.Model.Architecture,
        data.Features,
        data.Cmvn.Mean.ToArray(),
        data.Cmvn.InvStd.ToArray(),
        PhoneSet.Phones,
        PhoneSet.StatesPerPhone,
        lineage,
        new Dictionary<string, double>
        {
            ["dev_frame_accuracy"] = trained.Report.BestDevFrameAccuracy,
            ["train_frames_per_second"] = trained.Report.FramesPerSecond,
            ["parameters"] = trained.Model.Architecture.ParameterCount,
        });
}
