using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>Runs a frame scorer over a whole dataset in batches, without gradients.</summary>
public static class FramePredictor
{
    /// <summary>
    /// The most likely class of every frame under <paramref name="scorer"/> (spliced input → scores
    /// [n, classes], logits or log-probabilities), computed in batches and copied to the CPU.
    /// </summary>
    public static int[] PredictClasses(Func<Tensor, Tensor> scorer, FrameDataset data, int batchSize = 4096)
    {
        var predicted = new int[data.Count];
        using var noGrad = no_grad();
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(batchSize, data.Count - start);
            var indices = arange(start, start + n, dtype: ScalarType.Int64, device: data.Features.device);
            var best = scorer(data.Splice(indices)).argmax(1).to(ScalarType.Int32).cpu();
            best.data<int>().CopyTo(predicted.AsSpan((int)start, (int)n));
        }
        return predicted;
    }

    /// <summary>The dataset's labels as an int array (for scoring).</summary>
    public static int[] LabelsOf(FrameDataset data)
    {
        var labels = data.Labels ?? throw new ArgumentException("The dataset has no labels to score against.");
        using var cpu = labels.to(ScalarType.Int32).cpu();
        return cpu.data<int>().ToArray();
    }
}
