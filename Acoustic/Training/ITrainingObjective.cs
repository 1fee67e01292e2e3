using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// What a minibatch is trained towards. Hard labels and distillation soft targets differ only here, so one
/// training loop serves both.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>Scalar loss for the logits of the frames <paramref name="frameIndices"/> of the dataset.</summary>
    Tensor Loss(Tensor logits, Tensor frameIndices);
}
