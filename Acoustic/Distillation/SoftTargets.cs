using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// A teacher's (or ensemble's) log-probabilities at temperature T for every frame of a transfer set,
/// computed once before student training and then only indexed per batch — never recomputed per epoch.
/// </summary>
public static class SoftTargets
{
    /// <summary>
    /// Log-probabilities [frames, classes] (float32, CPU) of <paramref name="teacher"/> (spliced input → log-probs
    /// at the wanted temperature) over every frame of <paramref name="data"/>.
    /// </summary>
    public static Tensor Compute(Func<Tensor, Tensor> teacher, FrameDataset data, int classes, int batchSize = 4096,
        Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = empty(data.Count, classes, dtype: ScalarType.Float32);
        using var noGrad = no_grad();
        for (long start = 0; start < data.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var n = Math.Min(batchSize, data.Count - start);
            var indices = arange(start, start + n, dtype: ScalarType.Int64, device: data.Features.device);
            result.narrow(0, start, n).copy_(teacher(data.Splice(indices)).to(ScalarType.Float32).cpu());
            progress?.Invoke(start + n, data.Count);
        }
        return result;
    }
}
