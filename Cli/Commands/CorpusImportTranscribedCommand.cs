using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic corpus import-transcribed DIR</c>: WAV files with transcripts (a list file, or FSDD's digit-in-the-name)
/// force-aligned with a bootstrap model and written as a phone-aligned corpus.
/// </summary>
internal sealed class CorpusImportTranscribedCommand : Command<CorpusImportTranscribedCommand.Settings>
{
    public sealed class Settings : DecodeModelSettings
    {
        [CommandArgument(0, "<DIR>"), Description("Folder with the WAV files.")]
        public string Directory { get; init; } = "";

        [CommandOption("--out <DIR>"), Description("Corpus folder to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--transcripts <FILE>"), Description("Lines 'relative/path.wav words…'; the speaker is the file's folder.")]
        public string? Transcripts { get; init; }

        [CommandOption("--fsdd"), Description("FSDD naming: {digit}_{speaker}_{index}.wav says the digit's word.")]
        public bool Fsdd { get; init; }

        [CommandOption("--test-speaker <NAME>"), Description("Speaker(s) for the test split (comma-separated).")]
        public string? TestSpeaker { get; init; }

        [CommandOption("--dev-speaker <NAME>"), Description("Speaker(s) for the dev split (comma-separated).")]
        public string? DevSpeaker { get; init; }

        [CommandOption("--dev-every <N>"), Description("Without --dev-speaker: every N-th training file goes to dev (0: none)."), DefaultValue(10)]
        public int DevEvery { get; init; } = 10;

        [CommandOption("--include-corpus <DIR>"), Description("Copy this corpus's train and dev utterances in (e.g. a synthetic corpus of the same rate).")]
        public string? IncludeCorpus { get; init; }

        [CommandOption("--min-score <S>"), Description("Leave out files whose alignment scores below S per frame.")]
        public double? MinScore { get; init; }

        [CommandOption("--name <NAME>"), Description("Corpus name in the manifest (default: the output folder's name).")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out is required.")
            : (Transcripts is null) == !Fsdd ? ValidationResult.Error("Give exactly one of --transcripts FILE or --fsdd.")
            : DevEvery < 0 ? ValidationResult.Error("--dev-every must be 0 or more.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = settings.Fsdd
            ? TranscribedFile.FromFsdd(settings.Directory)
            : TranscribedFile.FromList(settings.Directory, settings.Transcripts!);
        var scorer = settings.LoadScorer();
        var aligner = new ForcedAligner(scorer, settings.LoadLexicon(), settings.GraphOptions());
        var options = new TranscribedImportOptions
        {
            OutputDirectory = settings.Out,
            Name = settings.Name ?? Path.GetFileName(Path.GetFullPath(settings.Out).TrimEnd(Path.DirectorySeparatorChar)),
            Source = $"{(settings.Fsdd ? "FSDD" : "transcribed audio")} from {settings.Directory}, forced-aligned with {Path.GetFileName(settings.Model)}",
            TestSpeakers = Speakers(settings.TestSpeaker),
            DevSpeakers = Speakers(settings.DevSpeaker),
            DevEvery = settings.DevEvery,
            IncludeCorpus = settings.IncludeCorpus,
            MinLogScorePerFrame = settings.MinScore ?? double.NegativeInfinity,
            NormalizeRms = settings.NormalizeRms,
        };
        var unknown = options.TestSpeakers.Concat(options.DevSpeakers).Where(s => files.All(f => f.Speaker != s)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"No files of speaker(s) {string.Join(", ", unknown)}; speakers present: {string.Join(", ", files.Select(f => f.Speaker).Distinct())}.");
        }
        var importer = new TranscribedCorpusImporter(aligner, scorer.SampleRate);
        var report = ConsoleProgress.Run("aligning", files.Count, update =>
            importer.Import(files, options, (done, total) => update(done, $"{done}/{total} files"), cancellationToken));

        var summary = new
        {
            corpus = settings.Out,
            sample_rate = scorer.SampleRate,
            utterances = report.Utterances.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            included_from_other_corpus = report.Included,
            failed = report.Failed,
            mean_log_score_per_frame = report.MeanLogScorePerFrame,
            aligned_audio_seconds = report.AudioSeconds,
            priors = scorer.Priors.Source,
        };
        JsonOutput.Print(settings.Json, summary, () =>
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Wrote [bold]{settings.Out}[/]: {string.Join(", ", report.Utterances.Select(p => $"{p.Value} {p.Key.ToString().ToLowerInvariant()}"))}, {report.Included} included, {report.Failed.Count} failed.");
            foreach (var failure in report.Failed.Take(10))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]failed:[/] {failure}");
            }
        });
        return 0;
    }

    private static HashSet<string> Speakers(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
