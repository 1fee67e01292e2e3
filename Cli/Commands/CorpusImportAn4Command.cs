using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic corpus import-an4</c>: the CMU AN4 database (headerless big-endian 16 kHz audio, sphinx file-id and
/// transcription lists, speaker = folder) force-aligned with a model into a phone-aligned corpus: AN4 train minus a
/// few held-out speakers is train, those speakers are dev, AN4's standard test set is test. With
/// <c>--telephone</c> every file is written as heard through an 8 kHz telephone channel (for the 8 kHz family), aligned
/// before that by the model at its own rate.
/// </summary>
internal sealed class CorpusImportAn4Command : Command<CorpusImportAn4Command.Settings>
{
    public sealed class Settings : DecodeModelSettings
    {
        [CommandOption("--an4 <DIR>"), Description("The AN4 folder (etc/ and wav/).")]
        public string An4 { get; init; } = "";

        [CommandOption("--out <DIR>"), Description("Corpus folder to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--dev-every <N>"), Description("Every N-th training speaker (in name order) forms the dev split."), DefaultValue(8)]
        public int DevEvery { get; init; } = 8;

        [CommandOption("--telephone"), Description("Write the audio as heard through an 8 kHz telephone channel (voice band, G.711 μ-law); alignment happens first, at the --model's rate.")]
        public bool Telephone { get; init; }

        [CommandOption("--min-score <S>"), Description("Leave out files whose alignment scores below S per frame.")]
        public double? MinScore { get; init; }

        [CommandOption("--include-corpus <DIR>"), Description("Copy this corpus's train and dev utterances in (same rate).")]
        public string? IncludeCorpus { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(An4) ? ValidationResult.Error("--an4 is required.")
            : string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out is required.")
            : DevEvery < 2 ? ValidationResult.Error("--dev-every must be at least 2.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var train = An4Corpus.Load(settings.An4, An4Corpus.Train);
        var test = An4Corpus.Load(settings.An4, An4Corpus.Test);
        var lexicon = settings.LoadLexicon().WithFallback(PronunciationLexicon.LoadShared(An4Corpus.DictionaryPath(settings.An4)));
        var options = new TranscribedImportOptions
        {
            OutputDirectory = settings.Out,
            Name = Path.GetFileName(Path.GetFullPath(settings.Out).TrimEnd(Path.DirectorySeparatorChar)),
            Source = $"CMU AN4 from {settings.An4}{(settings.Telephone ? " through an 8 kHz telephone channel" : "")}, forced-aligned with {Path.GetFileName(settings.Model)}",
            TestSpeakers = test.Select(f => f.Speaker).ToHashSet(StringComparer.Ordinal),
            DevSpeakers = An4Corpus.DevSpeakers(train, settings.DevEvery),
            TelephoneChannel = settings.Telephone,
            IncludeCorpus = settings.IncludeCorpus,
            MinLogScorePerFrame = settings.MinScore ?? double.NegativeInfinity,
            NormalizeRms = settings.NormalizeRms,
        };
        return TranscribedImportRunner.Import(settings, [.. train, .. test], options, lexicon, cancellationToken);
    }
}
