using System.Text.Json;
using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic corpus synth</c>: a phone-aligned, speaker- and text-disjoint corpus from the synthesizers.</summary>
internal sealed class CorpusSynthCommand : Command<CorpusSynthCommand.Settings>
{
    public sealed class Settings : CorpusOutputSettings
    {
        [CommandOption("--minutes <M>")]
        [Description("Target minutes of training speech; dev and test each get a tenth of it. Default 10.")]
        public double Minutes { get; init; } = 10;

        [CommandOption("--voices <LIST>")]
        [Description("Comma-separated engine:voice list, e.g. festival:voice_kal_diphone,flite:slt,espeak:en-us+f3. Default: all 14 known voices.")]
        public string? Voices { get; init; }

        [CommandOption("--snr <DB>")]
        [Description("Add white noise at this signal-to-noise ratio in dB. Default: clean.")]
        public double? Snr { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed for splits, prosody and noise; the same seed gives the same corpus. Default 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--jobs <J>")]
        [Description("Engine batches run in parallel. Default 2.")]
        public int Jobs { get; init; } = 2;

        public override ValidationResult Validate()
        {
            if (Minutes <= 0 || Minutes > 10_000)
            {
                return ValidationResult.Error($"--minutes must be between 0 and 10000, not {Minutes}.");
            }
            if (Jobs is < 1 or > 64)
            {
                return ValidationResult.Error($"--jobs must be between 1 and 64, not {Jobs}.");
            }
            return Snr is < -20 or > 100
                ? ValidationResult.Error($"--snr must be between -20 and 100 dB, not {Snr}.")
                : base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var voices = settings.Voices is null
            ? VoiceCatalog.Default
            : settings.Voices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                             .Select(VoiceSpec.Parse).Distinct().ToList();
        var options = new SyntheticCorpusOptions
        {
            OutputDirectory = settings.Out!,
            TrainMinutes = settings.Minutes,
            Voices = voices,
            Seed = settings.Seed,
            Jobs = settings.Jobs,
            Finishing = new FinishingOptions { SampleRate = settings.Rate, SnrDb = settings.Snr },
        };
        var builder = new SyntheticCorpusBuilder(options);
        var report = ConsoleProgress.Run("synthesising", builder.TotalTargetSeconds,
                                         progress => builder.Build(progress, cancellationToken));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                output = settings.Out,
                sample_rate = settings.Rate,
                wall_seconds = Math.Round(report.WallSeconds, 1),
                dropped = report.Dropped,
                drop_reasons = report.DropReasons,
                splits = report.Splits.ToDictionary(s => CorpusWriter.FolderOf(s.Key), s => new
                {
                    utterances = s.Value.Utterances,
                    minutes = Math.Round(s.Value.Minutes, 2),
                    speakers = s.Value.Speakers,
                    texts = s.Value.Texts,
                }),
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var table = new Table().AddColumns("split", "utterances", "minutes", "texts", "speakers");
        foreach (var (split, summary) in report.Splits)
        {
            table.AddRow(CorpusWriter.FolderOf(split), summary.Utterances.ToString(), summary.Minutes.ToString("0.0"),
                         summary.Texts.ToString(), Markup.Escape(string.Join(" ", summary.Speakers)));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{report.Dropped} utterances dropped; {report.WallSeconds:0} s wall time.");
        foreach (var (reason, count) in report.DropReasons)
        {
            AnsiConsole.MarkupLineInterpolated($"  {count} × {reason}");
        }
        return 0;
    }
}
