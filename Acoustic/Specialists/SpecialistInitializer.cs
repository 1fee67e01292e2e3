using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// Builds a specialist from its generalist (Hinton et al. 2015, §5: "initialized with the weights of the generalist"):
/// the same network with outputs = the cluster's classes + one dustbin class. Every hidden layer is copied; the output
/// rows of the cluster's classes are the generalist's rows, so before training the specialist ranks its classes exactly
/// as the generalist does. The dustbin row stands in for all other classes: its weights are the mean of their rows and
/// its bias is log Σ exp(their biases), so the dustbin logit is the log-sum-exp of the others' logits exactly where
/// their rows agree (and a linear stand-in for it elsewhere: a single linear unit cannot be a log-sum-exp).
/// </summary>
public static class SpecialistInitializer
{
    /// <summary>A new specialist for <paramref name="clusterClasses"/> (output i = class clusterClasses[i], last = dustbin).</summary>
    public static FrameClassifier FromGeneralist(FrameClassifier generalist, IReadOnlyList<int> clusterClasses)
    {
        var classes = generalist.Architecture.Classes;
        if (clusterClasses.Count == 0 || clusterClasses.Count >= classes)
        {
            throw new ArgumentException(
                $"A specialist needs between 1 and {classes - 1} classes (some must be left for its dustbin); got {clusterClasses.Count}.");
        }
        if (clusterClasses.Any(c => c < 0 || c >= classes) || clusterClasses.Distinct().Count() != clusterClasses.Count)
        {
            throw new ArgumentException($"Cluster classes must be distinct and in [0, {classes}): [{string.Join(", ", clusterClasses)}].");
        }

        var specialist = new FrameClassifier(generalist.Architecture with { Classes = clusterClasses.Count + 1 });
        var source = generalist.state_dict();
        var target = specialist.state_dict();
        var outputWeight = target.Keys.Last(k => k.EndsWith(".weight", StringComparison.Ordinal));
        var outputBias = target.Keys.Last(k => k.EndsWith(".bias", StringComparison.Ordinal));
        var others = Enumerable.Range(0, classes).Except(clusterClasses).Select(c => (long)c).ToArray();
        var kept = clusterClasses.Select(c => (long)c).ToArray();

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (name, value) in target)
        {
            var from = source[name].to(value.device);
            if (name == outputWeight)
            {
                var rest = from.index_select(0, tensor(others, device: from.device)).mean([0], keepdim: true);
                value.copy_(cat([from.index_select(0, tensor(kept, device: from.device)), rest], 0));
            }
            else if (name == outputBias)
            {
                var rest = from.index_select(0, tensor(others, device: from.device)).logsumexp(0).unsqueeze(0);
                value.copy_(cat([from.index_select(0, tensor(kept, device: from.device)), rest], 0));
            }
            else
            {
                value.copy_(from);
            }
        }
        return specialist;
    }
}
