using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// A trained specialist ready for inference: its network (outputs = <see cref="Classes"/> then the dustbin), and the
/// correction added to the dustbin logit to undo the enrichment of its training data (see
/// <see cref="EnrichedSample.DustbinLogitCorrection"/>).
/// </summary>
public sealed class Specialist : IDisposable
{
    /// <summary>Key of the dustbin correction in an artifact's metrics.</summary>
    public const string DustbinCorrectionMetric = "dustbin_logit_correction";

    /// <summary>Wraps a specialist network; <paramref name="classes"/> are the frame classes of its outputs, in order.</summary>
    public Specialist(FrameClassifier model, IReadOnlyList<int> classes, double dustbinLogitCorrection)
    {
        if (model.Architecture.Classes != classes.Count + 1)
        {
            throw new ArgumentException(
                $"A specialist for {classes.Count} classes needs {classes.Count + 1} outputs (with the dustbin) but the model has {model.Architecture.Classes}.");
        }
        if (!double.IsFinite(dustbinLogitCorrection))
        {
            throw new ArgumentException($"The dustbin correction must be finite (got {dustbinLogitCorrection}).");
        }
        Model = model;
        Classes = classes;
        DustbinLogitCorrection = dustbinLogitCorrection;
    }

    /// <summary>The network.</summary>
    public FrameClassifier Model { get; }

    /// <summary>Frame classes of outputs 0..n−1; output n is the dustbin.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>Added to the dustbin logit before the softmax.</summary>
    public double DustbinLogitCorrection { get; }

    /// <summary>Reads a specialist from an artifact that has a class map (and, when trained, the dustbin correction metric).</summary>
    public static Specialist FromArtifact(ModelArtifact artifact, string name = "model")
    {
        var classes = artifact.Metadata.ClassMap
            ?? throw new ModelArtifactException($"{name} is not a specialist: its metadata has no class map.");
        var correction = artifact.Metadata.Metrics.TryGetValue(DustbinCorrectionMetric, out var value) ? value : 0;
        return new Specialist(artifact.Model, classes, correction);
    }

    /// <summary>Log-probabilities [n, classes + 1] over the specialist's classes and its dustbin, with the correction applied.</summary>
    public Tensor LogProbabilities(Tensor input)
    {
        using var scope = NewDisposeScope();
        var logits = Model.forward(input);
        var shift = zeros(logits.shape[1], dtype: logits.dtype, device: logits.device);
        shift[-1] = DustbinLogitCorrection;
        return log_softmax(logits + shift, 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
