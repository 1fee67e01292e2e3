using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// The part of the transcribed-import verbs after the files are listed: align them with the bootstrap model through
/// <see cref="TranscribedCorpusImporter"/>, write the corpus and print the summary. Each verb only reads its own layout.
/// </summary>
internal static class TranscribedImportRunner
{
    /// <summary>Imports <paramref name="files"/>; <paramref name="source"/> names where they came from in the manifest.</summary>
    public static int Run(TranscribedImportSettings settings, IReadOnlyList<TranscribedFile> files, string source, CancellationToken cancellationToken)
    {
        var options = new TranscribedImportOptions
        {
            OutputDirectory = settings.Out,
            Name = settings.Name ?? Path.GetFileName(Path.GetFullPath(settings.Out).TrimEnd(Path.DirectorySeparatorChar)),
            Source = $"{source}, forced-aligned with {Path.GetFileName(settings.Model)}",
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
        return Import(settings, files, options, settings.LoadLexicon(), cancellationToken);
    }

    /// <summary>
    /// Aligns <paramref name="files"/> with the settings' model and <paramref name="lexicon"/> into the corpus that
    /// <paramref name="options"/> describe, and prints the summary (JSON with --json).
    /// </summary>
    public static int Import(DecodeModelSettings settings, IReadOnlyList<TranscribedFile> files, TranscribedImportOptions options,
                             PronunciationLexicon lexicon, CancellationToken cancellationToken)
    {
        var scorer = settings.LoadScorer();
        var aligner = new ForcedAligner(scorer, lexicon, settings.GraphOptions());
        var importer = new TranscribedCorpusImporter(aligner, scorer.SampleRate);
        var report = ConsoleProgress.Run("aligning", files.Count, update =>
            importer.Import(files, options, (done, total) => update(done, $"{done}/{total} files"), cancellationToken));

        var summary = new
        {
            corpus = options.OutputDirectory,
            sample_rate = options.TelephoneChannel ? Acoustic.Augmentation.TelephoneChannel.SampleRate : scorer.SampleRate,
            telephone = options.TelephoneChannel,
            dev_speakers = options.DevSpeakers.Order(StringComparer.Ordinal),
            utterances = report.Utterances.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            included_from_other_corpus = report.Included,
            failed = report.Failed,
            mean_log_score_per_frame = report.MeanLogScorePerFrame,
            aligned_audio_seconds = report.AudioSeconds,
            aligned_with = settings.Model,
            priors = scorer.Priors.Source,
        };
        JsonOutput.Print(settings.Json, summary, () =>
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Wrote [bold]{options.OutputDirectory}[/]: {string.Join(", ", report.Utterances.Select(p => $"{p.Value} {p.Key.ToString().ToLowerInvariant()}"))}, {report.Included} included, {report.Failed.Count} failed.");
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
