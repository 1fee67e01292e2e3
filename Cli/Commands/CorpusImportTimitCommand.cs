using System.Text.Json;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic corpus import-timit</c>: a TIMIT-layout corpus into our format, phones folded 61 → 40.</summary>
internal sealed class CorpusImportTimitCommand : Command<CorpusImportTimitCommand.Settings>
{
    public sealed class Settings : CorpusOutputSettings
    {
        [CommandOption("--timit <DIR>")]
        [Description("Root of the TIMIT-layout corpus (holds TRAIN and TEST, any letter case).")]
        public string? Timit { get; init; }

        [CommandOption("--dev-every <N>")]
        [Description("Every N-th TEST speaker becomes a held-out dev speaker. Default 3.")]
        public int DevEvery { get; init; } = 3;

        [CommandOption("--include-sa")]
        [Description("Keep the SA sentences every speaker reads (they break text-disjoint splits).")]
        public bool IncludeSa { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Timit) || string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--timit DIR and --out DIR are required.");
            }
            return DevEvery < 2
                ? ValidationResult.Error($"--dev-every must be at least 2, not {DevEvery}.")
                : base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var importer = new TimitImporter(new TimitImportOptions
        {
            TimitDirectory = settings.Timit!,
            OutputDirectory = settings.Out!,
            SampleRate = settings.Rate,
            DevSpeakerEvery = settings.DevEvery,
            IncludeSaSentences = settings.IncludeSa,
        });
        var report = ConsoleProgress.Run("importing", importer.CountUtterances(), progress => importer.Import(progress));
        var summary = new
        {
            output = settings.Out,
            utterances = report.Utterances.ToDictionary(kv => CorpusWriter.FolderOf(kv.Key), kv => kv.Value),
            speakers = report.Speakers.ToDictionary(kv => CorpusWriter.FolderOf(kv.Key), kv => kv.Value),
            skipped_sa_sentences = report.SkippedSaSentences,
            dropped_for_shared_text = report.DroppedForSharedText,
            dropped_incomplete = report.DroppedIncomplete,
        };
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        foreach (var (split, count) in report.Utterances)
        {
            AnsiConsole.MarkupLineInterpolated($"{CorpusWriter.FolderOf(split)}: {count} utterances, {report.Speakers[split]} speakers");
        }
        AnsiConsole.MarkupLineInterpolated(
            $"skipped {report.SkippedSaSentences} SA sentences, {report.DroppedForSharedText} for text shared across splits, {report.DroppedIncomplete} without a .PHN");
        return 0;
    }
}
