using TorchSharp;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Metadata of a model just trained on a <see cref="PreparedCorpus"/>: the corpus's features and CMVN, the phone-state
/// labels, the class priors for decoding (counted on the training frames' labels), the given lineage, and the training
/// figures (best dev frame accuracy, frames/s, parameters) as metrics.
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
        },
        Priors: TrainingPriors(data, architecture.Classes));

    /// <summary>
    /// Class priors counted on the labels of <paramref name="data"/>'s training frames, as the model saw them (augmented
    /// copies included); frames without a label (<see cref="SplitFeatures.NoLabel"/>, unlabelled transfer audio) are
    /// skipped. Without augmentation they equal <see cref="ClassPriors.FromCorpus"/> over the train split.
    /// </summary>
    public static ClassPriors TrainingPriors(PreparedCorpus data, int classes)
    {
        var labels = data.Train.Labels
            ?? throw new InvalidDataException($"Corpus '{data.Name}' has no labelled training frames to count class priors on.");
        using var scope = torch.NewDisposeScope(); // frees the host copy when the labels are on a GPU
        var counts = new long[classes];
        foreach (var label in labels.cpu().data<long>().ToArray())
        {
            if (label == SplitFeatures.NoLabel)
            {
                continue;
            }
            if ((ulong)label >= (ulong)classes)
            {
                throw new InvalidDataException($"Training frame label {label} is outside the model's {classes} classes.");
            }
            counts[label]++;
        }
        return ClassPriors.FromCounts(counts, data.Name);
    }
}
