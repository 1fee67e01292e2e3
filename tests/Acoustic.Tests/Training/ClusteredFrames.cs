namespace AcousticDistill.Acoustic.Tests.Training;

/// <summary>Small labelled frame sets for tests: noisy copies of per-class prototypes, learnable but not trivial.</summary>
internal static class ClusteredFrames
{
    public static FrameDataset Frames(int utterances, int seed, int classes = 6, int dim = 4, float noise = 1.5f)
    {
        var split = Split(utterances, seed, classes, dim, noise);
        return FrameDataset.Create(split.Features, split.Labels, dim, context: 1);
    }

    /// <summary>The same frames as a corpus split (for <see cref="PreparedCorpus"/> and the use cases).</summary>
    public static SplitFeatures Split(int utterances, int seed, int classes = 6, int dim = 4, float noise = 1.5f)
    {
        var random = new Random(seed);
        var prototypes = Enumerable.Range(0, classes)
            .Select(c => Enumerable.Range(0, dim).Select(d => (float)Math.Sin(c * 1.7 + d * 0.9) * 2).ToArray()).ToArray();
        var features = new List<float[]>();
        var labels = new List<int[]>();
        for (var u = 0; u < utterances; u++)
        {
            var n = 20 + random.Next(20);
            var frame = new float[n * dim];
            var label = new int[n];
            for (var t = 0; t < n; t++)
            {
                label[t] = (t / 5 + u) % classes;
                for (var d = 0; d < dim; d++)
                {
                    frame[t * dim + d] = prototypes[label[t]][d] + (float)(random.NextDouble() - 0.5) * noise;
                }
            }
            features.Add(frame);
            labels.Add(label);
        }
        return new SplitFeatures(Enumerable.Range(0, utterances).Select(u => $"u{u}").ToArray(), features, labels, dim,
            AudioSeconds: features.Sum(f => f.Length / dim) * 0.01);
    }
}
