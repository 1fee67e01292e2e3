using AcousticDistill.Cli.Study;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic study</c>: the whole distillation comparison on one corpus, as JSON and a markdown table.</summary>
internal sealed class StudyCommand : Command<StudyCommand.Settings>
{
    public sealed class Settings : CommandSettings, ITorchThreadsSettings
    {
        [CommandOption("--corpus <DIR>"), Description("Corpus folder (train/dev/test splits with held-out voices).")]
        public string Corpus { get; init; } = "";

        [CommandOption("--scale <SCALE>"), Description("small (~30 min on 2 CPU cores) or full (N=10, 3x1024 teachers, >= 3 h of speech; for a GPU)."), DefaultValue("small")]
        public string Scale { get; init; } = "small";

        [CommandOption("--out <DIR>"), Description("Where to write study.json, study.md and the trained ensemble."), DefaultValue("out/study")]
        public string Out { get; init; } = "out/study";

        [CommandOption("--threads <N>"), Description("Torch threads and feature workers."), DefaultValue(2)]
        public int Threads { get; init; } = 2;

        [CommandOption("--device <DEVICE>"), Description("cpu, cuda or cuda:N."), DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--lr <RATE>"), Description("Initial SGD learning rate of every model."), DefaultValue(0.05)]
        public double LearningRate { get; init; } = 0.05;

        [CommandOption("--batch <N>"), Description("Minibatch size of every model."), DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--members <N>"), Description("Override the scale's number of teachers (small: 4, full: 10).")]
        public int? Members { get; init; }

        [CommandOption("--json"), Description("Print the report as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Corpus) ? ValidationResult.Error("--corpus is required.")
            : Scale is not ("small" or "full") ? ValidationResult.Error($"--scale '{Scale}' is not one of: small, full.")
            : Threads < 1 || Batch < 1 || LearningRate <= 0 || Members < 1 ? ValidationResult.Error("--threads, --batch, --lr and --members must be positive.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new StudyOptions(settings.Corpus, settings.Out, settings.Threads, settings.Device, settings.LearningRate, settings.Batch,
            row => ConsoleProgress.Stderr.MarkupLineInterpolated(
                $"[green]{row.Name}[/] T={row.Temperature} α={row.Alpha}: test {row.FrameAccuracy:P2}, dev {row.DevFrameAccuracy:P2}, {row.Params:N0} params"));
        var scale = StudyScale.Parse(settings.Scale);
        var report = new StudyRunner(scale with { Members = settings.Members ?? scale.Members }, options).Run(cancellationToken);
        report.Write(settings.Out);
        JsonOutput.Print(settings.Json, report, () =>
        {
            AnsiConsole.WriteLine(report.Markdown());
            AnsiConsole.MarkupLineInterpolated($"Written to {Path.Combine(settings.Out, "study.json")} and study.md.");
        });
        return 0;
    }
}
