using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic corpus import-kaldi --data DIR</c>: a Kaldi-style data directory (<c>wav.scp</c> of WAV files, <c>text</c>,
/// optional <c>utt2spk</c>; see <see cref="KaldiDataDirectory"/>) force-aligned with a bootstrap model and written as a
/// phone-aligned corpus, so LibriSpeech, Common Voice or one's own recordings can be brought in once converted to WAV.
/// </summary>
internal sealed class CorpusImportKaldiCommand : Command<CorpusImportKaldiCommand.Settings>
{
    public sealed class Settings : TranscribedImportSettings
    {
        [CommandOption("--data <DIR>"), Description("Kaldi data directory: wav.scp (utt-id path.wav), text (utt-id words…), optional utt2spk (utt-id speaker; without it each utterance is its own speaker).")]
        public string Data { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Data) ? ValidationResult.Error("--data is required.") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = KaldiDataDirectory.Load(settings.Data);
        return TranscribedImportRunner.Run(settings, files, $"Kaldi data directory {settings.Data}", cancellationToken);
    }
}
