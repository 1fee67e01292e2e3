using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// Combines a generalist with its specialists per frame (Hinton et al. 2015, §5.3). The specialists whose cluster holds
/// one of the generalist's top-n classes are active; the combined distribution q over all classes minimises
/// KL(p_g ‖ q) + Σ_active KL(p_m ‖ q_m), where q_m is q folded onto specialist m's outputs (its classes, and the summed
/// probability of all other classes as its dustbin). There is no closed form, so q's logits start at the generalist's and
/// take a fixed number of Adam steps, for all frames of a batch at once with a mask of active specialists. Frames with no
/// active specialist keep the generalist's distribution exactly.
/// </summary>
public sealed class SpecialistCombiner
{
    private readonly IReadOnlyList<IReadOnlyList<int>> _clusters;
    private readonly int _classes;
    private readonly SpecialistCombinerOptions _options;
    // Built once on the CPU and copied to the data's device per call, so no per-element writes happen on a GPU.
    private readonly Tensor _membership;
    private readonly Tensor[] _inside;
    private readonly Tensor[] _outside;

    /// <summary>A combiner for specialists over <paramref name="clusters"/> (each a list of classes of a <paramref name="classes"/>-class generalist).</summary>
    public SpecialistCombiner(IReadOnlyList<IReadOnlyList<int>> clusters, int classes, SpecialistCombinerOptions options)
    {
        options.Validate(classes);
        foreach (var cluster in clusters)
        {
            if (cluster.Count == 0 || cluster.Count >= classes || cluster.Any(c => c < 0 || c >= classes))
            {
                throw new ArgumentException($"A specialist cluster must hold 1 to {classes - 1} classes in [0, {classes}).");
            }
        }
        _clusters = clusters;
        _classes = classes;
        _options = options;
        var membership = new float[classes, clusters.Count];
        for (var m = 0; m < clusters.Count; m++)
        {
            foreach (var c in clusters[m])
            {
                membership[c, m] = 1;
            }
        }
        _membership = tensor(membership).DetachFromDisposeScope();
        _inside = clusters.Select(c => tensor(c.Select(x => (long)x).ToArray()).DetachFromDisposeScope()).ToArray();
        _outside = clusters.Select(c =>
        {
            var outside = Enumerable.Repeat(true, classes).ToArray();
            foreach (var x in c)
            {
                outside[x] = false;
            }
            return tensor(outside).DetachFromDisposeScope();
        }).ToArray();
    }

    /// <summary>
    /// Which specialists are active per frame: [n, specialists] bool, true where the cluster holds one of the top-n
    /// classes of <paramref name="generalistLogProbs"/> [n, classes].
    /// </summary>
    public Tensor ActiveSpecialists(Tensor generalistLogProbs)
    {
        using var scope = NewDisposeScope();
        var top = generalistLogProbs.topk(_options.TopN, 1).indexes;
        var chosen = zeros_like(generalistLogProbs).scatter_(1, top, ones_like(top, dtype: generalistLogProbs.dtype));
        return chosen.matmul(_membership.to(generalistLogProbs.dtype, generalistLogProbs.device)).gt(0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Combined log-probabilities [n, classes] from the generalist's log-probabilities [n, classes] and each specialist's
    /// log-probabilities [n, |cluster| + 1] (dustbin last), in cluster order.
    /// </summary>
    public Tensor Combine(Tensor generalistLogProbs, IReadOnlyList<Tensor> specialistLogProbs)
    {
        CheckShapes(generalistLogProbs, specialistLogProbs);
        using var scope = NewDisposeScope();
        using var gradients = enable_grad();
        var target = generalistLogProbs.detach();
        var targets = specialistLogProbs.Select(t => t.detach()).ToArray();
        var active = ActiveSpecialists(target);
        var weights = active.to(target.dtype);
        var logits = target.clone().requires_grad_(true);
        var parameter = new TorchSharp.Modules.Parameter(logits);
        using (var optimizer = optim.Adam([parameter], _options.LearningRate))
        {
            for (var step = 0; step < _options.Steps; step++)
            {
                optimizer.zero_grad();
                // Frames are independent, so the sum's gradient for each frame is that frame's own gradient.
                Objective(parameter, target, targets, weights).sum().backward();
                optimizer.step();
            }
        }
        var combined = log_softmax(parameter.detach(), 1);
        var anyActive = active.any(1, keepdim: true);
        return where(anyActive, combined, target).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The per-frame objective [n] at logits <paramref name="logits"/> of q: KL(p_g ‖ q) + Σ_m weight[n, m] · KL(p_m ‖ q_m),
    /// with p_g and p_m given as log-probabilities and <paramref name="weights"/> [n, specialists] (1 = active, 0 = not).
    /// </summary>
    public Tensor Objective(Tensor logits, Tensor generalistLogProbs, IReadOnlyList<Tensor> specialistLogProbs, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var logQ = log_softmax(logits, 1);
        var total = KullbackLeibler(generalistLogProbs, logQ);
        for (var m = 0; m < _clusters.Count; m++)
        {
            var inside = _inside[m].to(logits.device);
            var dustbin = logQ.masked_fill(_outside[m].to(logits.device).logical_not(), double.NegativeInfinity).logsumexp(1, keepdim: true);
            var folded = cat([logQ.index_select(1, inside), dustbin], 1);
            total = total + weights[.., m] * KullbackLeibler(specialistLogProbs[m], folded);
        }
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>KL(p ‖ q) per row from log-probabilities; entries where p is 0 contribute 0 (0 · log 0 = 0).</summary>
    private static Tensor KullbackLeibler(Tensor logP, Tensor logQ)
    {
        var p = logP.exp();
        // log q is finite (log-softmax of finite logits), so only p's own entropy term needs the 0 · log 0 guard.
        var negativeEntropy = where(p.gt(0), p * logP, zeros_like(p)).sum(1);
        return negativeEntropy - (p * logQ).sum(1);
    }

    private void CheckShapes(Tensor generalist, IReadOnlyList<Tensor> specialists)
    {
        if (generalist.dim() != 2 || generalist.shape[1] != _classes)
        {
            throw new ArgumentException($"The generalist's log-probabilities must be [n, {_classes}]; got [{string.Join(", ", generalist.shape)}].");
        }
        if (specialists.Count != _clusters.Count)
        {
            throw new ArgumentException($"{specialists.Count} specialists' outputs for {_clusters.Count} clusters.");
        }
        for (var m = 0; m < specialists.Count; m++)
        {
            if (specialists[m].dim() != 2 || specialists[m].shape[0] != generalist.shape[0] || specialists[m].shape[1] != _clusters[m].Count + 1)
            {
                throw new ArgumentException(
                    $"Specialist {m} must give [{generalist.shape[0]}, {_clusters[m].Count + 1}] log-probabilities; got [{string.Join(", ", specialists[m].shape)}].");
            }
        }
    }
}
