namespace AcousticDistill.Cli.Commands;

/// <summary>
/// Options shared by the verbs that force-align transcribed audio into a corpus (<c>import-transcribed</c>,
/// <c>import-kaldi</c>): where to write, how to split speakers, what to include and what to leave out.
/// </summary>
internal class TranscribedImportSettings : DecodeModelSettings
{
    [CommandOption("--out <DIR>"), Description("Corpus folder to write.")]
    public string Out { get; init; } = "";

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
        : DevEvery < 0 ? ValidationResult.Error("--dev-every must be 0 or more.")
        : base.Validate();
}
