namespace AcousticDistill.Cli.Commands;

/// <summary>
/// Options of the verbs that train networks on features of their own (train, ensemble train): feature normalisation
/// stored in the model, and augmentation of the training split. Teachers and the student distilled from them share
/// the teachers' features, so these options live here and not on distill.
/// </summary>
internal class FeatureTrainingSettings : ModelShapeSettings
{
    [CommandOption("--online-mean <PRIOR_FRAMES>"), Description("Normalise each utterance's features by a causal running mean that starts from the training corpus's mean frame, weighted as this many frames (streaming-safe; stored in the model).")]
    public double? OnlineMeanPriorFrames { get; init; }

    [CommandOption("--online-mean-window <FRAMES>"), Description("With --online-mean: frames of history in the running mean (0: the whole utterance so far)."), DefaultValue(0)]
    public int OnlineMeanWindow { get; init; }

    [CommandOption("--vtlp <MAX_WARP>"), Description("Vocal tract length perturbation of the training split: add warped copies of each utterance's features, mel filters warped by a factor drawn from [[1 - MAX_WARP, 1 + MAX_WARP]] (e.g. 0.1). Dev and the model's features stay unwarped.")]
    public double? VtlpMaxWarp { get; init; }

    [CommandOption("--vtlp-copies <N>"), Description("With --vtlp: warped copies per training utterance."), DefaultValue(1)]
    public int VtlpCopies { get; init; } = 1;

    [CommandOption("--speed-perturb <FACTORS>"), Description("Speed perturbation of the training split: add a copy of each utterance resampled to play this many times faster, alignment rescaled (comma-separated, e.g. 0.9,1.1).")]
    public string? SpeedPerturb { get; init; }

    public TrainingAugmentation? ToAugmentation()
    {
        var vtlp = VtlpMaxWarp is { } warp ? new VtlpOptions { MaxWarp = warp, Copies = VtlpCopies, Seed = Seed } : null;
        var speeds = string.IsNullOrWhiteSpace(SpeedPerturb)
            ? []
            : SpeedPerturb.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return vtlp is null && speeds.Length == 0 ? null : new TrainingAugmentation { Vtlp = vtlp, Speeds = speeds };
    }

    public override ValidationResult Validate()
    {
        if (OnlineMeanPriorFrames is < 0 || OnlineMeanWindow < 0)
        {
            return ValidationResult.Error("--online-mean and --online-mean-window must be zero or more.");
        }
        try
        {
            ToAugmentation()?.Validate();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ValidationResult.Error(ex.Message);
        }
        return base.Validate();
    }

    /// <summary>The corpus's features, with the online mean when asked.</summary>
    public FbankOptions Features() => OnlineMeanPriorFrames is { } priorFrames
        ? CorpusPreparation.FeaturesWithOnlineMean(Corpus, Bins, priorFrames, OnlineMeanWindow)
        : CorpusPreparation.FeaturesFor(Corpus, Bins);

    /// <summary>How the corpus is prepared for training with <paramref name="features"/>.</summary>
    public CorpusPreparationOptions Preparation(FbankOptions features) => new()
    {
        CorpusDirectory = Corpus,
        Features = features,
        Context = Context,
        Augmentation = ToAugmentation(),
        LoaderThreads = Threads,
    };
}
