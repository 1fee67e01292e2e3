using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Several frame classifiers that read the same input (same features, CMVN and context) and vote.
/// Combination at temperature T: each member's logits are divided by T, turned into probabilities and
/// averaged (arithmetic) or their log-probabilities averaged and renormalised (geometric).
/// </summary>
public sealed class Ensemble : IDisposable
{
    /// <summary>Builds an ensemble; members must share one input shape and one output set.</summary>
    public Ensemble(IReadOnlyList<FrameClassifier> members, ModelMetadata metadata)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("An ensemble needs at least one member.");
        }
        var first = members[0].Architecture;
        foreach (var member in members)
        {
            if (member.Architecture.InputDim != first.InputDim || member.Architecture.Context != first.Context
                || member.Architecture.Classes != first.Classes)
            {
                throw new ArgumentException(
                    $"Ensemble members disagree on input or outputs: {member.Architecture} vs {first}.");
            }
        }
        Members = members;
        Metadata = metadata;
    }

    /// <summary>The members, in order.</summary>
    public IReadOnlyList<FrameClassifier> Members { get; }

    /// <summary>Metadata shared by the members (features, CMVN, labels); that of the first member.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>Total parameters over all members.</summary>
    public long ParameterCount => Members.Sum(m => m.Architecture.ParameterCount);

    /// <summary>Combined log-probabilities [n, classes] for spliced input, at temperature <paramref name="temperature"/>.</summary>
    public Tensor LogProbabilities(Tensor input, double temperature = 1.0, EnsembleCombination combination = EnsembleCombination.Arithmetic)
    {
        using var scope = NewDisposeScope();
        var logProbs = stack(Members.Select(m => log_softmax(m.forward(input) / temperature, 1)).ToArray());
        var combined = combination == EnsembleCombination.Arithmetic
            ? logsumexp(logProbs, 0) - Math.Log(Members.Count)
            : log_softmax(logProbs.mean([0]), 1);
        return combined.MoveToOuterDisposeScope();
    }

    /// <summary>Puts every member in evaluation mode on <paramref name="device"/>.</summary>
    public void Prepare(Device device)
    {
        foreach (var member in Members)
        {
            member.to(device);
            member.eval();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var member in Members)
        {
            member.Dispose();
        }
    }
}
