using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Hinton, Vinyals and Dean's distillation loss: T² · KL(p_T ‖ q_T) between the teacher's soft targets and
/// the student's softmax at temperature T (the T² keeps soft-gradient magnitudes independent of T), plus
/// α · cross-entropy against the hard labels at T = 1. Frames without a label (label −1, unlabelled transfer
/// audio) contribute the soft term only.
/// </summary>
public sealed class DistillationObjective : ITrainingObjective
{
    private Tensor _softLogProbs;
    private readonly FrameDataset _data;
    private readonly double _temperature;
    private readonly double _alpha;
    private readonly bool _everyFrameLabelled;

    /// <summary>
    /// <paramref name="softLogProbs"/>: teacher log-probabilities at <paramref name="temperature"/>, one row per frame
    /// of <paramref name="data"/>.
    /// </summary>
    public DistillationObjective(Tensor softLogProbs, FrameDataset data, double temperature, double alpha)
    {
        if (softLogProbs.shape[0] != data.Count)
        {
            throw new ArgumentException($"{softLogProbs.shape[0]} soft targets for {data.Count} frames.");
        }
        if (temperature <= 0 || alpha < 0)
        {
            throw new ArgumentException($"temperature must be > 0 (got {temperature}) and alpha >= 0 (got {alpha}).");
        }
        if (alpha > 0 && data.Labels is null)
        {
            throw new ArgumentException("alpha > 0 needs hard labels, but the transfer set has none.");
        }
        _softLogProbs = softLogProbs;
        _data = data;
        // Checked once: with no unlabelled frames the hard term needs no masking (fewer kernels per batch).
        _everyFrameLabelled = data.Labels is not null && data.Labels.min().item<long>() >= 0;
        _temperature = temperature;
        _alpha = alpha;
    }

    /// <inheritdoc />
    public Tensor Loss(Tensor logits, Tensor frameIndices)
    {
        if (_softLogProbs.device_type != frameIndices.device_type)
        {
            // Training moved the data to another device (GPU): move the cached targets once, not per batch.
            _softLogProbs = _softLogProbs.to(frameIndices.device).DetachFromDisposeScope();
        }
        var target = _softLogProbs.index_select(0, frameIndices);
        var studentLogProbs = log_softmax(logits / _temperature, 1);
        // Sum then one scale: T² / batch size folded into a single multiply.
        var soft = kl_div(studentLogProbs, target, reduction: Reduction.Sum, log_target: true)
                   * (_temperature * _temperature / frameIndices.shape[0]);
        if (_alpha == 0)
        {
            return soft;
        }
        var labels = _data.Labels!.index_select(0, frameIndices);
        var hard = _everyFrameLabelled
            ? cross_entropy(logits, labels)
            : cross_entropy(logits, labels, ignore_index: SplitFeatures.NoLabel, reduction: Reduction.Sum) / labels.ge(0).sum().clamp_min(1);
        return soft.add(hard, alpha: _alpha);
    }
}
