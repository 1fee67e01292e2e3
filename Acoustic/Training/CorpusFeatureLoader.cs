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
        Load(corpusDirectory, manifest, split, options, augmentation: null, withLabels, threads, progress, cancellationToken);

    /// <summary>
    /// Loads one split and, with <paramref name="augmentation"/>, appends its augmented versions: version v of every
    /// utterance after all of version v − 1, first the speed-perturbed ones (ids suffixed <c>#speedF</c>, phones
    /// rescaled), then the VTLP ones (ids suffixed <c>#vtlpC</c>, labels shared with the original). The audio is
    /// decoded once per utterance.
    /// </summary>
    public static SplitFeatures Load(
        string corpusDirectory,
        CorpusManifest manifest,
        CorpusSplit split,
        FbankOptions options,
        TrainingAugmentation? augmentation,
        bool withLabels = true,
        int threads = 1,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        augmentation?.Validate();
        var speeds = augmentation?.Speeds ?? [];
        var vtlp = augmentation?.Vtlp;
        var versions = augmentation?.Versions ?? 1;
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
                var phones = labels is not null || speeds.Count > 0
                    ? AlignmentFile.Read(Path.Combine(corpusDirectory, utterance.PhonePath))
                    : null;
                if (labels is not null)
                {
                    labels[i] = FrameLabeler.Label(phones!, audio.Length, manifest.SampleRate, options.WindowLength, options.WindowShift);
                    if (labels[i].Length != matrix.Frames)
                    {
                        throw new InvalidDataException(
                            $"{utterance.Id}: {matrix.Frames} feature frames but {labels[i].Length} labels.");
                    }
                }
                for (var s = 0; s < speeds.Count; s++)
                {
                    var (fast, fastPhones) = TrainingAugmentation.ChangeSpeed(audio, phones!, manifest.SampleRate, speeds[s]);
                    var index = ((1 + s) * count) + i;
                    features[index] = extractors.Value!.Compute(fast).Data;
                    if (labels is not null)
                    {
                        labels[index] = FrameLabeler.Label(fastPhones, fast.Length, manifest.SampleRate, options.WindowLength, options.WindowShift);
                    }
                }
                for (var copy = 1; copy <= (vtlp?.Copies ?? 0); copy++)
                {
                    // The warp changes the filters only, so frame count and labels are the original's.
                    var warped = new FilterbankExtractor(options, vtlp!.FactorFor(i, copy));
                    var index = ((speeds.Count + copy) * count) + i;
                    features[index] = warped.Compute(audio).Data;
                    if (labels is not null)
                    {
                        labels[index] = labels[i];
                    }
                }
                progress?.Invoke(Interlocked.Increment(ref done), utterances.Length);
            });

        var ids = Enumerable.Range(0, versions)
            .SelectMany(version => utterances.Select(u => version == 0 ? u.Id
                : version <= speeds.Count ? FormattableString.Invariant($"{u.Id}#speed{speeds[version - 1]}")
                : $"{u.Id}#vtlp{version - speeds.Count}"))
            .ToArray();
        return new SplitFeatures(
            ids,
            features,
            labels,
            options.FeatureDim,
            samples.Sum() * (1 + speeds.Sum(f => 1 / f) + (vtlp?.Copies ?? 0)) / manifest.SampleRate);
    }
}
