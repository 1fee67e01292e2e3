namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic distill</c>: one student from an ensemble's soft targets at temperature T (plus α × hard labels),
/// on the corpus's training split and optionally unlabelled audio. The student reads the teachers' input
/// (features, CMVN, context); its hidden layers are its own.
/// </summary>
internal sealed class DistillCommand : Command<DistillCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("--teachers <DIR>"), Description("Ensemble folder (from 'acoustic ensemble train').")]
        public string Teachers { get; init; } = "";

        [CommandOption("--temperature <T>"), Description("Softmax temperature of the soft targets."), DefaultValue(2.0)]
        public double Temperature { get; init; } = 2.0;

        [CommandOption("--alpha <A>"), Description("Weight of the hard-label cross-entropy (0 = soft targets only)."), DefaultValue(0.5)]
        public double Alpha { get; init; } = 0.5;

        [CommandOption("--combine <HOW>"), Description("arithmetic or geometric mean of the teachers."), DefaultValue("arithmetic")]
        public string Combine { get; init; } = "arithmetic";

        [CommandOption("--transfer-audio <DIR>"), Description("Optional folder of unlabelled WAVs added to the transfer set (soft targets only).")]
        public string? TransferAudio { get; init; }

        [CommandOption("--cache <DIR>"), Description("Optional folder caching soft targets between runs.")]
        public string? Cache { get; init; }

        [CommandOption("--out <FILE>"), Description("Where to write the student artifact.")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Teachers) || string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("--teachers, --corpus and --out are required.");
            }
            if (!Enum.TryParse<EnsembleCombination>(Combine, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"--combine '{Combine}' is not one of: arithmetic, geometric.");
            }
            try
            {
                ToDistillationOptions().Validate();
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return base.Validate();
        }

        public DistillationOptions ToDistillationOptions() =>
            new(Temperature, Alpha, Enum.Parse<EnsembleCombination>(Combine, ignoreCase: true));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var teachers = EnsembleDirectory.Load(settings.Teachers);
        var teacherHashes = EnsembleDirectory.MemberHashes(settings.Teachers);
        using var data = UseCaseProgress.Prepare(StudentDistillation.TeacherInput(teachers, settings.Corpus) with
        {
            TransferAudio = settings.TransferAudio, LoaderThreads = settings.Threads,
        }, cancellationToken);
        var options = new StudentDistillationOptions(settings.ToShape(), settings.ToTrainingOptions(), settings.ToDistillationOptions(),
            settings.Family ?? teachers.Metadata.Family);
        var cache = settings.Cache is null ? null : new SoftTargetCache(settings.Cache);
        using var soft = UseCaseProgress.SoftTargets($"soft targets (T={options.Distillation.Temperature})", progress =>
            StudentDistillation.SoftTargets(teachers, teacherHashes, data, options.Distillation, settings.Device, cache, progress, cancellationToken));
        using var student = UseCaseProgress.Train($"train student (seed {settings.Seed})", settings.Epochs, progress =>
            StudentDistillation.Train(data, soft, teacherHashes, options, progress, cancellationToken));
        var hash = student.Save(settings.Out);

        var result = new
        {
            model = settings.Out,
            sha256 = hash,
            teachers = teacherHashes.Count,
            temperature = options.Distillation.Temperature,
            alpha = options.Distillation.Alpha,
            transfer_frames = data.Train.Count,
            parameters = student.Model.Architecture.ParameterCount,
            dev_frame_accuracy = student.Report.BestDevFrameAccuracy,
            frames_per_second = student.Report.FramesPerSecond,
            epochs = student.Report.Epochs,
        };
        JsonOutput.Print(settings.Json, result, () => AnsiConsole.MarkupLineInterpolated(
            $"Saved student [bold]{settings.Out}[/] ({student.Model.Architecture.ParameterCount:N0} parameters): dev frame accuracy [bold]{student.Report.BestDevFrameAccuracy:P2}[/], {student.Report.FramesPerSecond:N0} frames/s."));
        return 0;
    }
}
