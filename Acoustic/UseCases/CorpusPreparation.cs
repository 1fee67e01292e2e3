namespace AcousticDistill.Acoustic.UseCases;

/// <summary>What <see cref="CorpusPreparation"/> reads and how it feeds it to a model.</summary>
public sealed record CorpusPreparationOptions
{
    /// <summary>Corpus folder (with <c>manifest.json</c>): the train split is learned from, dev selects epochs.</summary>
    public required string CorpusDirectory { get; init; }

    /// <summary>How the filterbank features are computed (rate, bins, optional online mean normalisation).</summary>
    public required FbankOptions Features { get; init; }

    /// <summary>Frames of context on each side.</summary>
    public int Context { get; init; } = 5;

    /// <summary>
    /// The normalisation to apply: a model's own when the data must be fed exactly as that model was (a student fed like
    /// its teachers, specialists like their generalist); null to estimate CMVN on the train split.
    /// </summary>
    public Cmvn? Cmvn { get; init; }

    /// <summary>Augmented copies added to the train split only (dev stays as served).</summary>
    public TrainingAugmentation? Augmentation { get; init; }

    /// <summary>A folder of unlabelled WAVs appended to the train split (soft targets only, for distillation).</summary>
    public string? TransferAudio { get; init; }

    /// <summary>Feature-extraction workers.</summary>
    public int LoaderThreads { get; init; } = 1;

    /// <summary>
    /// A folder keeping extracted splits between runs (<see cref="FeatureCache"/>): a job whose stages each need the
    /// corpus extracts every split once. Null extracts every time.
    /// </summary>
    public string? FeatureCacheDirectory { get; init; }

    /// <summary>
    /// Options that feed <paramref name="corpusDirectory"/> exactly as <paramref name="model"/> was fed: its features,
    /// CMVN and context.
    /// </summary>
    public static CorpusPreparationOptions FedAs(ModelMetadata model, string corpusDirectory) => new()
    {
        CorpusDirectory = corpusDirectory,
        Features = model.Features,
        Context = model.Architecture.Context,
        Cmvn = new Cmvn(model.CmvnMean, model.CmvnInvStd),
    };
}

/// <summary>Feature extraction progress over every split a preparation reads.</summary>
/// <param name="Split">The split being read (<c>train</c>, <c>dev</c>, <c>transfer</c>).</param>
/// <param name="Done">Utterances done over all splits.</param>
/// <param name="Total">Utterances to do over all splits.</param>
/// <param name="Warning">A file that was skipped, and why (unreadable transfer audio).</param>
public sealed record PreparationProgress(string Split, int Done, int Total, string? Warning = null);

/// <summary>
/// Reads a corpus's train and dev splits into a <see cref="PreparedCorpus"/>: features computed, CMVN estimated on train
/// (or the given model's applied), frames packed with ±context splicing. Every training flow starts here.
/// </summary>
public static class CorpusPreparation
{
    /// <summary>The features a new model of <paramref name="bins"/> mel bins gets on <paramref name="corpusDirectory"/>, at its rate.</summary>
    public static FbankOptions FeaturesFor(string corpusDirectory, int bins)
    {
        var manifest = CorpusManifest.Load(corpusDirectory);
        var options = new FbankOptions { SampleFrequency = manifest.SampleRate, NumMelBins = bins };
        options.Validate();
        return options;
    }

    /// <summary>
    /// <see cref="FeaturesFor"/> with a causal per-utterance mean normalisation whose prior is the train split's mean frame,
    /// weighted as <paramref name="priorFrames"/> frames over a history of <paramref name="windowFrames"/> (0: all so far).
    /// </summary>
    public static FbankOptions FeaturesWithOnlineMean(string corpusDirectory, int bins, double priorFrames, int windowFrames)
    {
        var options = FeaturesFor(corpusDirectory, bins);
        options.MeanNormalization = new OnlineMeanNormalization
        {
            PriorMean = CorpusFeatureMean.Estimate(corpusDirectory, options),
            PriorFrames = priorFrames,
            WindowFrames = windowFrames,
        };
        options.Validate();
        return options;
    }

    /// <summary>Train (with augmentation and transfer audio) and dev, normalised and packed.</summary>
    public static PreparedCorpus Prepare(CorpusPreparationOptions options, IProgress<PreparationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var manifest = CorpusManifest.Load(options.CorpusDirectory);
        var hasDev = manifest.InSplit(CorpusSplit.Dev).Any();
        var tracker = new ProgressTracker(progress,
            manifest.InSplit(CorpusSplit.Train).Count() + (hasDev ? manifest.InSplit(CorpusSplit.Dev).Count() : 0));
        var train = LoadSplit(options, manifest, CorpusSplit.Train, options.Augmentation, tracker, cancellationToken);
        if (options.TransferAudio is not null)
        {
            var unlabelled = AudioFolderLoader.Load(options.TransferAudio, options.Features, options.LoaderThreads, out var skipped,
                cancellationToken);
            foreach (var problem in skipped)
            {
                progress?.Report(new PreparationProgress("transfer", tracker.Done, tracker.Total, problem));
            }
            train = train.Concat(unlabelled);
        }
        var dev = hasDev ? LoadSplit(options, manifest, CorpusSplit.Dev, augmentation: null, tracker, cancellationToken) : null;
        return PreparedCorpus.Create(manifest.Name, train, dev, options.Features, options.Context, options.Cmvn);
    }

    /// <summary>One split's features and labels as <paramref name="options"/> says (cached when it names a cache folder).</summary>
    public static SplitFeatures LoadSplit(CorpusPreparationOptions options, CorpusSplit split, IProgress<PreparationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var manifest = CorpusManifest.Load(options.CorpusDirectory);
        var tracker = new ProgressTracker(progress, manifest.InSplit(split).Count());
        return LoadSplit(options, manifest, split, augmentation: null, tracker, cancellationToken);
    }

    private static SplitFeatures LoadSplit(CorpusPreparationOptions options, CorpusManifest manifest, CorpusSplit split,
        TrainingAugmentation? augmentation, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var name = split.ToString().ToLowerInvariant();
        var start = tracker.Done;
        SplitFeatures Extract() => CorpusFeatureLoader.Load(options.CorpusDirectory, manifest, split, options.Features, augmentation,
            withLabels: true, options.LoaderThreads, (done, _) => tracker.Report(name, start + done), cancellationToken);
        var features = options.FeatureCacheDirectory is null || augmentation is not null
            ? Extract()
            : new FeatureCache(options.FeatureCacheDirectory).GetOrExtract(options.CorpusDirectory, split, options.Features, Extract);
        tracker.Report(name, start + manifest.InSplit(split).Count());
        return features;
    }

    // Progress counted over all the splits one preparation reads.
    private sealed class ProgressTracker(IProgress<PreparationProgress>? progress, int total)
    {
        public int Done { get; private set; }

        public int Total => total;

        public void Report(string split, int done)
        {
            Done = done;
            progress?.Report(new PreparationProgress(split, done, total));
        }
    }
}
