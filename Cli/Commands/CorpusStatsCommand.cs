using System.Text.Json;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic corpus stats</c>: hours, utterances, speakers and frames per class of a corpus.</summary>
internal sealed class CorpusStatsCommand : Command<CorpusStatsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Corpus folder (with manifest.json).")]
        public string Directory { get; init; } = "";

        [CommandOption("--frame-length-ms <MS>")]
        [Description("Frame window in ms for the class counts. Default 25.")]
        public double FrameLengthMs { get; init; } = 25;

        [CommandOption("--frame-shift-ms <MS>")]
        [Description("Frame shift in ms for the class counts. Default 10.")]
        public double FrameShiftMs { get; init; } = 10;

        [CommandOption("--json")]
        [Description("Print the statistics as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            FrameLengthMs <= 0 || FrameShiftMs <= 0
                ? ValidationResult.Error("--frame-length-ms and --frame-shift-ms must be positive.")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var manifest = CorpusManifest.Load(settings.Directory);
        var frames = new FrameOptions { FrameLengthMs = settings.FrameLengthMs, FrameShiftMs = settings.FrameShiftMs };
        var stats = ConsoleProgress.Run("counting frames", manifest.Utterances.Count,
                                        progress => CorpusStatistics.Compute(settings.Directory, frames, progress));
        static object Split(SplitStatistics s) => new { hours = Math.Round(s.Hours, 4), utterances = s.Utterances, speakers = s.Speakers };
        static Dictionary<string, long> ByClass(IReadOnlyList<long> counts) =>
            Enumerable.Range(0, counts.Count).ToDictionary(PhoneSet.ClassName, c => counts[c]);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                name = stats.Name,
                sample_rate = stats.SampleRate,
                total = Split(stats.Total),
                splits = stats.Splits.ToDictionary(kv => CorpusWriter.FolderOf(kv.Key), kv => Split(kv.Value)),
                frames_per_class = ByClass(stats.FramesPerClass),
                frames_per_class_by_split = stats.FramesPerClassBySplit.ToDictionary(kv => CorpusWriter.FolderOf(kv.Key), kv => ByClass(kv.Value)),
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var table = new Table().AddColumns("split", "hours", "utterances", "speakers");
        foreach (var (split, s) in stats.Splits)
        {
            table.AddRow(CorpusWriter.FolderOf(split), s.Hours.ToString("0.000"), s.Utterances.ToString(), s.Speakers.ToString());
        }
        table.AddRow("all", stats.Total.Hours.ToString("0.000"), stats.Total.Utterances.ToString(), stats.Total.Speakers.ToString());
        AnsiConsole.Write(table);
        var perPhone = PhoneSet.Phones.Select((p, i) => (p, Frames: Enumerable.Range(0, PhoneSet.StatesPerPhone).Sum(s => stats.FramesPerClass[PhoneSet.ClassOf(i, s)])));
        AnsiConsole.WriteLine("frames per phone: " + string.Join(" ", perPhone.Select(x => $"{x.p}={x.Frames}")));
        return 0;
    }
}
