namespace AcousticDistill.Acoustic.Tests.Corpus;

/// <summary>A few seconds of noise with made-up phone alignments, as a corpus on disk (train and dev splits).</summary>
internal static class TinyAlignedCorpus
{
    public static CorpusManifest Write(string directory, int rate, int trainUtterances = 4)
    {
        var random = new Random(5);
        var entries = new List<UtteranceEntry>();
        string[] phones = ["sil", "s", "ah", "t", "iy", "n"];
        for (var u = 0; u < trainUtterances + 1; u++)
        {
            var length = rate / 2 + u * rate / 10;
            var samples = Enumerable.Range(0, length).Select(_ => (float)(0.1 * (2 * random.NextDouble() - 1))).ToArray();
            var cuts = new[] { 0, length / 5, 2 * length / 5, 3 * length / 5, 4 * length / 5, length };
            var segments = Enumerable.Range(0, 5)
                .Select(i => new TimedSegment(cuts[i], cuts[i + 1], phones[(u + i) % phones.Length]))
                .ToArray();
            var split = u < trainUtterances ? CorpusSplit.Train : CorpusSplit.Dev;
            entries.Add(CorpusWriter.Write(directory, split, $"spk{u % 2}", $"u{u}", samples, rate, segments, [], "x"));
        }
        var manifest = new CorpusManifest("tiny-aligned", rate, "test", entries);
        manifest.Save(directory);
        return manifest;
    }
}
