namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// The paper's training set for a specialist (Hinton et al. 2015, §5.1): "half its examples from its special subset
/// and half sampled at random from the remainder". The sample is drawn once with a fixed seed, so a specialist can be
/// rebuilt exactly; the trainer still reshuffles its order every epoch.
/// </summary>
public static class SpecialistSampling
{
    /// <summary>
    /// All frames of <paramref name="labels"/> whose class is in <paramref name="clusterClasses"/>, plus
    /// <paramref name="otherPerSpecial"/> × as many frames drawn without replacement from the rest (all of the rest when
    /// there are fewer). Frames labelled below zero (unlabelled) are never chosen.
    /// </summary>
    public static EnrichedSample Enrich(ReadOnlySpan<int> labels, IReadOnlyList<int> clusterClasses, int seed, double otherPerSpecial = 1.0)
    {
        if (!(otherPerSpecial > 0))
        {
            throw new ArgumentException($"The ratio of other frames to special frames must be positive (got {otherPerSpecial}).");
        }
        var outputOf = new Dictionary<int, long>();
        for (var i = 0; i < clusterClasses.Count; i++)
        {
            outputOf[clusterClasses[i]] = i;
        }
        var dustbin = (long)clusterClasses.Count;
        var special = new List<long>();
        var others = new List<long>();
        for (var frame = 0; frame < labels.Length; frame++)
        {
            if (labels[frame] < 0)
            {
                continue;
            }
            (outputOf.ContainsKey(labels[frame]) ? special : others).Add(frame);
        }
        if (special.Count == 0)
        {
            throw new ArgumentException(
                $"No frame is labelled with any of the cluster's classes [{string.Join(", ", clusterClasses)}]; the specialist has nothing to learn.");
        }

        var wanted = (int)Math.Min(others.Count, Math.Round(special.Count * otherPerSpecial));
        var random = new Random(seed);
        var pool = others.ToArray();
        // Partial Fisher–Yates: the first `wanted` entries become a uniform sample without replacement.
        for (var i = 0; i < wanted; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var frames = special.Concat(pool.Take(wanted)).ToArray();
        var targets = new long[frames.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            targets[i] = outputOf.TryGetValue(labels[(int)frames[i]], out var output) ? output : dustbin;
        }
        return new EnrichedSample(frames, targets, special.Count, others.Count, wanted);
    }
}
