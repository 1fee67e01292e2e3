namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic ensemble train</c>: N teachers on the same prepared data, differing in seed (and optionally
/// width), saved as an ensemble folder. Members train one after another, each with the whole thread budget.
/// </summary>
internal sealed class EnsembleTrainCommand : Command<EnsembleTrainCommand.Settings>
{
    public sealed class Settings : FeatureTrainingSettings
    {
        [CommandOption("--members <N>"), Description("Number of teachers."), DefaultValue(4)]
        public int Members { get; init; } = 4;

        [CommandOption("--widths <LIST>"), Description("Optional comma-separated hidden widths, cycled over members (default: --width for all).")]
        public string? Widths { get; init; }

        [CommandOption("--out <DIR>"), Description("Ensemble folder to write (member-NN.adm + ensemble.json).")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out) ? ValidationResult.Error("--corpus and --out are required.")
            : Members < 1 ? ValidationResult.Error("--members must be at least 1.")
            : base.Validate();

        public int WidthOf(int member)
        {
            if (string.IsNullOrWhiteSpace(Widths))
            {
                return Width;
            }
            var widths = Widths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => int.TryParse(w, out var value) && value > 0 ? value : throw new ArgumentException($"--widths: '{w}' is not a positive number."))
                .ToArray();
            return widths[member % widths.Length];
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var features = settings.Features();
        using var data = UseCaseProgress.Prepare(settings.Preparation(features), cancellationToken);
        Directory.CreateDirectory(settings.Out);
        var family = settings.Family ?? ModelFamily.ForSampleRate((int)features.SampleFrequency);
        var files = new List<string>();
        var members = new List<object>();
        for (var m = 0; m < settings.Members; m++)
        {
            var seed = settings.Seed + m;
            var options = new TeacherTrainingOptions(settings.ToShape(settings.WidthOf(m)), settings.ToTrainingOptions(seed), family);
            using var trained = UseCaseProgress.Train($"train teacher {m + 1}/{settings.Members} (seed {seed})", settings.Epochs,
                progress => TeacherTraining.Train(data, options, progress, cancellationToken));
            var file = EnsembleDirectory.MemberFileName(m);
            trained.Save(Path.Combine(settings.Out, file));
            files.Add(file);
            members.Add(new { file, seed, width = trained.Model.Architecture.HiddenWidth, dev_frame_accuracy = trained.Report.BestDevFrameAccuracy });
        }
        EnsembleDirectory.WriteIndex(settings.Out, files);

        using var ensemble = EnsembleDirectory.Load(settings.Out);
        var devAccuracy = data.Dev is null ? double.NaN : EnsembleScoring.Score(ensemble, data.Dev, EnsembleCombination.Arithmetic).FrameAccuracy;
        JsonOutput.Print(settings.Json, new { ensemble = settings.Out, members, dev_frame_accuracy = devAccuracy, parameters = ensemble.ParameterCount },
            () => AnsiConsole.MarkupLineInterpolated(
                $"Saved {settings.Members} teachers in [bold]{settings.Out}[/]: ensemble dev frame accuracy [bold]{devAccuracy:P2}[/]."));
        return 0;
    }
}
