using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic corpus import-transcribed DIR</c>: WAV files with transcripts (a list file, or FSDD's digit-in-the-name)
/// force-aligned with a bootstrap model and written as a phone-aligned corpus.
/// </summary>
internal sealed class CorpusImportTranscribedCommand : Command<CorpusImportTranscribedCommand.Settings>
{
    public sealed class Settings : TranscribedImportSettings
    {
        [CommandArgument(0, "<DIR>"), Description("Folder with the WAV files.")]
        public string Directory { get; init; } = "";

        [CommandOption("--transcripts <FILE>"), Description("Lines 'relative/path.wav words…'; the speaker is the file's folder.")]
        public string? Transcripts { get; init; }

        [CommandOption("--fsdd"), Description("FSDD naming: {digit}_{speaker}_{index}.wav says the digit's word.")]
        public bool Fsdd { get; init; }

        public override ValidationResult Validate() =>
            (Transcripts is null) == !Fsdd ? ValidationResult.Error("Give exactly one of --transcripts FILE or --fsdd.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = settings.Fsdd
            ? TranscribedFile.FromFsdd(settings.Directory)
            : TranscribedFile.FromList(settings.Directory, settings.Transcripts!);
        var source = $"{(settings.Fsdd ? "FSDD" : "transcribed audio")} from {settings.Directory}";
        return TranscribedImportRunner.Run(settings, files, source, cancellationToken);
    }
}
