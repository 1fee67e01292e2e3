namespace AcousticDistill.Acoustic.Training;

/// <summary>The mean raw filterbank frame of a corpus split: the prior of an online mean normalisation.</summary>
public static class CorpusFeatureMean
{
    /// <summary>
    /// Mean frame of <paramref name="options"/>' features (without any mean normalisation) over at most
    /// <paramref name="maxUtterances"/> utterances of <paramref name="split"/>, spread evenly over the split.
    /// </summary>
    public static float[] Estimate(string corpus, FbankOptions options, CorpusSplit split = CorpusSplit.Train, int maxUtterances = 400)
    {
        var manifest = CorpusManifest.Load(corpus);
        var utterances = manifest.InSplit(split).ToArray();
        if (utterances.Length == 0)
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no utterances in the {split.ToString().ToLowerInvariant()} split.");
        }
        var raw = options.Clone();
        raw.MeanNormalization = null;
        var extractor = new FilterbankExtractor(raw);
        var accumulator = new CmvnAccumulator(extractor.Dim);
        var step = Math.Max(1, utterances.Length / maxUtterances);
        for (var i = 0; i < utterances.Length; i += step)
        {
            var audio = WavDecoder.DecodeFile(Path.Combine(corpus, utterances[i].AudioPath), manifest.SampleRate);
            accumulator.Add(extractor.Compute(audio));
        }
        return accumulator.ToCmvn().Mean.ToArray();
    }
}
