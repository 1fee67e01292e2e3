using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.UseCases;

/// <summary>
/// The one way a new network is trained, whoever asks (CLI, grains, study): built with weights that depend on the seed
/// alone, trained by <see cref="FrameTrainer"/> towards an objective on a prepared corpus (dev selects the epoch), and
/// returned on the CPU with its metadata.
/// </summary>
public static class NetworkTraining
{
    /// <summary>Trains a new network of <paramref name="architecture"/> towards <paramref name="objective"/> (hard labels when null).</summary>
    public static TrainedModel Train(PreparedCorpus data, MlpArchitecture architecture, TrainingOptions options, string family,
        ModelLineage lineage, ITrainingObjective? objective = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var model = new FrameClassifier(architecture, options.Seed);
        try
        {
            var report = new FrameTrainer(options).Train(model, data.Train, objective ?? new HardLabelObjective(data.Train), data.Dev,
                progress is null ? null : progress.Report, cancellationToken);
            model.to(CPU);
            return new TrainedModel(model, TrainedModelMetadata.Create(data, architecture, report, family, lineage), report);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
