namespace AcousticDistill.Cli.Commands;

/// <summary>Options of the verbs that write a new corpus at one of the two supported rates (corpus synth, corpus import-timit).</summary>
internal class CorpusOutputSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder to write the corpus to (train/dev/test folders and manifest.json).")]
    public string? Out { get; init; }

    [CommandOption("--rate <HZ>")]
    [Description("Sample rate of the corpus: 16000 or 8000. Default 16000.")]
    public int Rate { get; init; } = 16000;

    [CommandOption("--json")]
    [Description("Print the summary as JSON on stdout.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out DIR is required.");
        }
        return Rate is not (16000 or 8000)
            ? ValidationResult.Error($"--rate must be 16000 or 8000, not {Rate}.")
            : ValidationResult.Success();
    }
}
