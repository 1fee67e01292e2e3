using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Training;

/// <summary>Cross-entropy against the dataset's frame labels (the plain, non-distilled objective).</summary>
public sealed class HardLabelObjective(FrameDataset dataset) : ITrainingObjective
{
    private readonly FrameDataset _dataset = dataset.Labels is not null
        ? dataset
        : throw new ArgumentException("Hard-label training needs a labelled dataset.");

    /// <inheritdoc />
    public Tensor Loss(Tensor logits, Tensor frameIndices) =>
        // Read the labels at call time: the trainer may have moved the dataset to another device.
        cross_entropy(logits, _dataset.Labels!.index_select(0, frameIndices));
}
