using System.Globalization;
using System.Text;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic eval</c>: frame accuracy of a model on a corpus split, per phone, with a confusion matrix file.</summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings, ITorchThreadsSettings
    {
        [CommandOption("--model <PATH>"), Description("Model artifact to evaluate, or an ensemble folder.")]
        public string Model { get; init; } = "";

        [CommandOption("--corpus <DIR>"), Description("Corpus folder (with manifest.json).")]
        public string Corpus { get; init; } = "";

        [CommandOption("--split <SPLIT>"), Description("train, dev or test."), DefaultValue("test")]
        public string Split { get; init; } = "test";

        [CommandOption("--confusion <FILE>"), Description("Where to write the confusion matrix (TSV; default: next to the model).")]
        public string? Confusion { get; init; }

        [CommandOption("--combine <HOW>"), Description("For an ensemble: arithmetic or geometric mean of the members."), DefaultValue("arithmetic")]
        public string Combine { get; init; } = "arithmetic";

        [CommandOption("--threads <N>"), Description("Threads for feature extraction and inference."), DefaultValue(1)]
        public int Threads { get; init; } = 1;

        [CommandOption("--json"), Description("Print the result as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Model) || string.IsNullOrEmpty(Corpus)
                ? ValidationResult.Error("--model and --corpus are required.")
                : !Enum.TryParse<CorpusSplit>(Split, ignoreCase: true, out _)
                    ? ValidationResult.Error($"--split '{Split}' is not one of: train, dev, test.")
                    : !Enum.TryParse<EnsembleCombination>(Combine, ignoreCase: true, out _)
                        ? ValidationResult.Error($"--combine '{Combine}' is not one of: arithmetic, geometric.")
                        : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var split = Enum.Parse<CorpusSplit>(settings.Split, ignoreCase: true);
        using var scorer = LoadScorer(settings);
        var manifest = CorpusManifest.Load(settings.Corpus);
        var features = UseCaseProgress.LoadSplit(new CorpusPreparationOptions
        {
            CorpusDirectory = settings.Corpus, Features = scorer.Metadata.Features, LoaderThreads = settings.Threads,
        }, split, cancellationToken);
        using var data = ModelScoring.Prepare(scorer.Metadata, features);
        var report = scorer.Score(data);
        var confusionPath = settings.Confusion
            ?? (Directory.Exists(settings.Model) ? Path.Combine(settings.Model, $"{settings.Split}.confusion.tsv")
                : Path.ChangeExtension(settings.Model, $".{settings.Split}.confusion.tsv"));
        File.WriteAllText(confusionPath, ConfusionTsv(report));

        var result = new
        {
            model = settings.Model,
            parameters = scorer.Parameters,
            corpus = manifest.Name,
            split = settings.Split,
            frames = report.Frames,
            frame_accuracy = report.FrameAccuracy,
            phone_accuracy = report.PhoneAccuracy,
            audio_hours = features.AudioSeconds / 3600,
            per_phone = report.PerPhone().Where(p => p.Frames > 0).ToDictionary(p => p.Phone, p => new { frames = p.Frames, accuracy = p.Accuracy }),
            confusion_file = confusionPath,
        };
        JsonOutput.Print(settings.Json, result, () =>
        {
            AnsiConsole.MarkupLineInterpolated(
                $"{settings.Split} frame accuracy [bold]{report.FrameAccuracy:P2}[/] over {report.Frames:N0} frames (phone accuracy {report.PhoneAccuracy:P2}); confusion matrix in {confusionPath}.");
        });
        return 0;
    }

    private static LoadedScorer LoadScorer(Settings settings)
    {
        if (Directory.Exists(settings.Model))
        {
            var ensemble = EnsembleDirectory.Load(settings.Model);
            var combination = Enum.Parse<EnsembleCombination>(settings.Combine, ignoreCase: true);
            return new LoadedScorer(ensemble.Metadata, ensemble.ParameterCount, d => EnsembleScoring.Score(ensemble, d, combination), ensemble);
        }
        var artifact = ModelArtifact.Load(settings.Model);
        return new LoadedScorer(artifact.Metadata, artifact.Model.Architecture.ParameterCount, d => ModelScoring.Score(artifact.Model, d), artifact.Model);
    }

    /// <summary>A single model or an ensemble, behind one scoring function.</summary>
    private sealed record LoadedScorer(ModelMetadata Metadata, long Parameters, Func<FrameDataset, FrameAccuracyReport> Score, IDisposable Owner) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }

    private static string ConfusionTsv(FrameAccuracyReport report)
    {
        var text = new StringBuilder("reference\\predicted");
        var classes = report.Confusion.GetLength(0);
        for (var c = 0; c < classes; c++)
        {
            text.Append('\t').Append(PhoneSet.ClassName(c));
        }
        text.Append('\n');
        for (var r = 0; r < classes; r++)
        {
            text.Append(PhoneSet.ClassName(r));
            for (var c = 0; c < classes; c++)
            {
                text.Append('\t').Append(report.Confusion[r, c].ToString(CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
