namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic train</c>: trains one frame classifier on hard labels and saves it as a model artifact.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : ModelShapeSettings
    {
        [CommandOption("--out <FILE>"), Description("Where to write the model artifact.")]
        public string Out { get; init; } = "";

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
            if (string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("--corpus and --out are required.");
            }
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var features = settings.OnlineMeanPriorFrames is { } priorFrames
            ? CorpusPreparation.FeaturesWithOnlineMean(settings.Corpus, settings.Bins, priorFrames, settings.OnlineMeanWindow)
            : CorpusPreparation.FeaturesFor(settings.Corpus, settings.Bins);
        using var data = UseCaseProgress.Prepare(new CorpusPreparationOptions
        {
            CorpusDirectory = settings.Corpus,
            Features = features,
            Context = settings.Context,
            Augmentation = settings.ToAugmentation(),
            LoaderThreads = settings.Threads,
        }, cancellationToken);
        var family = settings.Family ?? ModelFamily.ForSampleRate((int)features.SampleFrequency);
        var options = new TeacherTrainingOptions(settings.ToShape(), settings.ToTrainingOptions(), family, Role: "baseline");
        using var result = UseCaseProgress.Train($"train baseline (seed {settings.Seed})", settings.Epochs,
            progress => TeacherTraining.Train(data, options, progress, cancellationToken));
        var hash = result.Save(settings.Out);

        var summary = new
        {
            model = settings.Out,
            sha256 = hash,
            family,
            parameters = result.Model.Architecture.ParameterCount,
            train_frames = data.Train.Count,
            dev_frames = data.Dev?.Count ?? 0,
            dev_frame_accuracy = result.Report.BestDevFrameAccuracy,
            best_epoch = result.Report.BestEpoch,
            frames_per_second = result.Report.FramesPerSecond,
            seconds = result.Report.Elapsed.TotalSeconds,
            epochs = result.Report.Epochs,
        };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated(
                $"Saved [bold]{settings.Out}[/] ({result.Model.Architecture.ParameterCount:N0} parameters): dev frame accuracy [bold]{result.Report.BestDevFrameAccuracy:P2}[/] (epoch {result.Report.BestEpoch}), {result.Report.FramesPerSecond:N0} frames/s."));
        return 0;
    }
}
