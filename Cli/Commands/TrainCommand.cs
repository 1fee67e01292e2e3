namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic train</c>: trains one frame classifier on hard labels and saves it as a model artifact.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : FeatureTrainingSettings
    {
        [CommandOption("--out <FILE>"), Description("Where to write the model artifact.")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("--corpus and --out are required.");
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var features = settings.Features();
        using var data = UseCaseProgress.Prepare(settings.Preparation(features), cancellationToken);
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
