using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Phones;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Metadata of a model just trained on a <see cref="PreparedCorpus"/>: the corpus's features and CMVN, the phone-state
/// labels, the given lineage, and the training figures (best dev frame accuracy, frames/s, parameters) as metrics.
/// </summary>
public static class TrainedModelMetadata
{
    /// <summary>Metric key of the best dev frame accuracy (0–1).</summary>
    public const string DevFrameAccuracy = "dev_frame_accuracy";

    /// <summary>Metric key of the training speed.</summary>
    public const string TrainFramesPerSecond = "train_frames_per_second";

    /// <summary>Metric key of the parameter count.</summary>
    public const string Parameters = "parameters";

    /// <summary>Builds the metadata for <paramref name="architecture"/> trained on <paramref name="data"/>.</summary>
    public static ModelMetadata Create(PreparedCorpus data, MlpArchitecture architecture, TrainingReport report, string family,
        ModelLineage lineage) => new(
        family,
        architecture,
        data.Features,
        data.Cmvn.Mean.ToArray(),
        data.Cmvn.InvStd.ToArray(),
        PhoneSet.Phones,
        PhoneSet.StatesPerPhone,
        lineage,
        new Dictionary<string, double>
        {
            [DevFrameAccuracy] = report.BestDevFrameAccuracy,
            [TrainFramesPerSecond] = report.FramesPerSecond,
            [Parameters] = architecture.ParameterCount,
        });
}
