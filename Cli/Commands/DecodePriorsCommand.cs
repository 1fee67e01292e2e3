using System.ComponentModel;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic decode-priors</c>: class priors of a model from its training corpus's labels, saved beside the model.</summary>
internal sealed class DecodePriorsCommand : Command<DecodePriorsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <FILE>"), Description("Model artifact the priors are for.")]
        public string Model { get; init; } = "";

        [CommandOption("--corpus <DIR>"), Description("The corpus the model was trained on.")]
        public string Corpus { get; init; } = "";

        [CommandOption("--splits <LIST>"), Description("Comma-separated splits to count."), DefaultValue("train")]
        public string Splits { get; init; } = "train";

        [CommandOption("--floor <P>"), Description("Smallest prior of a class."), DefaultValue(1e-5)]
        public double Floor { get; init; } = 1e-5;

        [CommandOption("--out <FILE>"), Description("Where to write the priors (default: MODEL.priors.json).")]
        public string? Out { get; init; }

        [CommandOption("--json"), Description("Print the result as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Model) || string.IsNullOrEmpty(Corpus)
                ? ValidationResult.Error("--model and --corpus are required.")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var splits = settings.Splits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<CorpusSplit>(s, ignoreCase: true, out var split)
                ? split
                : throw new ArgumentException($"--splits: '{s}' is not one of train, dev, test."))
            .ToArray();
        var artifact = ModelArtifact.Load(settings.Model);
        var priors = ClassPriors.FromCorpus(settings.Corpus, artifact.Metadata.Features, artifact.Metadata.Architecture.Classes, splits, settings.Floor);
        var path = settings.Out ?? ClassPriors.SidecarPath(settings.Model);
        priors.Save(path);
        var summary = new { priors = path, frames = priors.Frames, source = priors.Source, classes = priors.Classes };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/]: priors of {priors.Classes} classes from {priors.Frames:N0} frames."));
        artifact.Model.Dispose();
        return 0;
    }
}
