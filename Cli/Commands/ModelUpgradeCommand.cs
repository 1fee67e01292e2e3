namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic model upgrade</c>: rewrites an artifact in the current format with class priors inside it, taken from its
/// old priors file (<c>MODEL.priors.json</c>) or counted on its training corpus. The rewrite changes the file's hash.
/// </summary>
internal sealed class ModelUpgradeCommand : Command<ModelUpgradeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <FILE>"), Description("Model artifact to upgrade.")]
        public string Model { get; init; } = "";

        [CommandOption("--priors <FILE>"), Description("Its old class-priors file (MODEL.priors.json, as `decode-priors` wrote them).")]
        public string? Priors { get; init; }

        [CommandOption("--corpus <DIR>"), Description("Or the corpus it was trained on: count the priors on its labels.")]
        public string? Corpus { get; init; }

        [CommandOption("--splits <LIST>"), Description("With --corpus: comma-separated splits to count."), DefaultValue("train")]
        public string Splits { get; init; } = "train";

        [CommandOption("--floor <P>"), Description("With --corpus: smallest prior of a class."), DefaultValue(ClassPriors.DefaultFloor)]
        public double Floor { get; init; } = ClassPriors.DefaultFloor;

        [CommandOption("--out <FILE>"), Description("Where to write the upgraded artifact (default: replace --model in place).")]
        public string? Out { get; init; }

        [CommandOption("--json"), Description("Print the result as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Model) ? ValidationResult.Error("--model is required.")
            : Priors is not null && Corpus is not null ? ValidationResult.Error("Give --priors or --corpus, not both.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var before = File.Exists(settings.Model) ? File.ReadAllBytes(settings.Model) : throw new FileNotFoundException($"Model file '{settings.Model}' does not exist.");
        var artifact = ModelArtifact.Deserialize(before, settings.Model);
        using var model = artifact.Model;
        var metadata = artifact.Metadata;
        if (metadata.ClassMap is not null)
        {
            throw new InvalidDataException($"{settings.Model} is a specialist (it has a class map): specialists are never decoded alone and carry no priors.");
        }
        var classes = metadata.Architecture.Classes;
        var priors = settings.Priors is not null ? ClassPriors.LoadLegacySidecar(settings.Priors, classes)
            : settings.Corpus is not null ? ClassPriors.FromCorpus(settings.Corpus, metadata.Features, classes, ParseSplits(settings.Splits), settings.Floor)
            : metadata.Priors ?? throw new ArgumentException(
                $"{settings.Model} has no class priors: give its old priors file (--priors MODEL.priors.json) or its training corpus (--corpus DIR).");

        var output = settings.Out ?? settings.Model;
        ModelArtifact.Save(output, model, metadata with { Priors = priors });
        var summary = new
        {
            model = output,
            sha256 = ModelArtifact.ContentHash(File.ReadAllBytes(output)),
            previous_sha256 = ModelArtifact.ContentHash(before),
            previous_format = artifact.Format,
            format = ModelArtifact.CurrentFormat,
            priors = priors.Source,
            priors_frames = priors.Frames,
            classes,
        };
        JsonOutput.Print(settings.Json, summary, () => AnsiConsole.MarkupLineInterpolated(
            $"Wrote [bold]{output}[/] (format {ModelArtifact.CurrentFormat}, sha256 {summary.sha256}) with the priors of {classes} classes from {priors.Source} ({priors.Frames:N0} frames)."));
        return 0;
    }

    private static CorpusSplit[] ParseSplits(string splits) =>
        splits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<CorpusSplit>(s, ignoreCase: true, out var split)
                ? split
                : throw new ArgumentException($"--splits: '{s}' is not one of train, dev, test."))
            .ToArray();
}
