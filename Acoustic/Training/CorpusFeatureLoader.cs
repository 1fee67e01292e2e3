using AcousticDistill.Acoustic.Audio;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Features;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Reads a corpus split from disk into features and frame labels: decode each WAV at the corpus rate,
/// compute the filterbank, and label each frame from the phone alignment. Utterances are processed in
/// parallel within a thread budget, each worker with its own extractor.
/// </summary>
public static class CorpusFeatureLoader
{
    /// <summary>Loads one split. <paramref name="progress"/> gets (utterances done, total).</summary>
    public static SplitFeatures Load(
        string corpusDirectory,
        CorpusManifest manifest,
        CorpusSplit split,
        FbankOptions options,
        bool withLabels = true,
        int threads = 1,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default) =>
        Load(corpusDirectory, manifest, split, options, vtlp: null, withLabels, threads, progress, cancellationToken);

    /// <summary>
    /// Loads one split and, with <paramref name="vtlp"/>, appends its warped copies (copy c of every utterance
    /// after the originals, ids suffixed <c>#vtlpC</c>, labels shared with the original). The audio is decoded once
    /// per utterance.
    /// </summary>
    public static SplitFeatures Load(
        string corpusDirectory,
        CorpusManifest manifest,
        CorpusSplit split,
        FbankOptions options,
        VtlpOptions? vtlp,
        bool withLabels = true,
        int threads = 1,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        vtlp?.Validate();
        var versions = 1 + (vtlp?.Copies ?? 0);
        if (Math.Abs(options.SampleFrequency - manifest.SampleRate) > 0.5)
        {
            throw new ArgumentException(
                $"The features expect {options.SampleFrequency} Hz but corpus '{manifest.Name}' is {manifest.SampleRate} Hz; " +
                "use a model family of the corpus rate.");
        }
        var utterances = manifest.InSplit(split).ToArray();
        if (utterances.Length == 0)
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no utterances in the {split.ToString().ToLowerInvariant()} split.");
        }

        var count = utterances.Length;
        var features = new float[count * versions][];
        var labels = withLabels ? new int[count * versions][] : null;
        var samples = new long[utterances.Length];
        var done = 0;
        using var extractors = new ThreadLocal<FilterbankExtractor>(() => new FilterbankExtractor(options));
        Parallel.For(0, utterances.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken },
            i =>
            {
                var utterance = utterances[i];
                var audio = WavDecoder.DecodeFile(Path.Combine(corpusDirectory, utterance.AudioPath), manifest.SampleRate);
                samples[i] = audio.Length;
                var matrix = extractors.Value!.Compute(audio);
                features[i] = matrix.Data;
                if (labels is not null)
                {
                    var phones = AlignmentFile.Read(Path.Combine(corpusDirectory, utterance.PhonePath));
                    labels[i] = FrameLabeler.Label(phones, audio.Length, manifest.SampleRate, options.WindowLength, options.WindowShift);
                    if (labels[i].Length != matrix.Frames)
                    {
                        throw new InvalidDataException(
                            $"{utterance.Id}: {matrix.Frames} feature frames but {labels[i].Length} labels.");
                    }
                }
                for (var copy = 1; copy < versions; copy++)
                {
                    // The warp changes the filters only, so frame count and labels are the original's.
                    var warped = new FilterbankExtractor(options, vtlp!.FactorFor(i, copy));
                    features[(copy * count) + i] = warped.Compute(audio).Data;
                    if (labels is not null)
                    {
                        labels[(copy * count) + i] = labels[i];
                    }
                }
                progress?.Invoke(Interlocked.Increment(ref done), utterances.Length);
            });

        var ids = Enumerable.Range(0, versions)
            .SelectMany(copy => utterances.Select(u => copy == 0 ? u.Id : $"{u.Id}#vtlp{copy}"))
            .ToArray();
        return new SplitFeatures(
            ids,
            features,
            labels,
            options.FeatureDim,
            versions * samples.Sum() / (double)manifest.SampleRate);
    }
}
