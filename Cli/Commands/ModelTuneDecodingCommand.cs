using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic model tune-decoding</c>: chooses the acoustic scale, word insertion penalty and beam on a dev split
/// (never a test split) and writes the model again with them as its decoding defaults, so that it decodes well with
/// no flags wherever it is served.
/// </summary>
internal sealed class ModelTuneDecodingCommand : Command<ModelTuneDecodingCommand.Settings>
{
    public sealed class Settings : CorpusRecognitionSettings
    {
        [CommandOption("--out <FILE>"), Description("Where to write the tuned artifact (default: rewrite --model in place).")]
        public string? Out { get; init; }

        [CommandOption("--allow-test"), Description("Tune on the test split anyway (its figures then mean nothing: only for experiments).")]
        public bool AllowTest { get; init; }

        public override ValidationResult Validate() =>
            base.Validate() is { Successful: false } failed ? failed
            : CorpusSplit == CorpusSplit.Test && !AllowTest ? ValidationResult.Error("Decoding is tuned on a dev split, not on test (--allow-test overrides, for experiments only).")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var artifact = ModelArtifact.Load(settings.Model);
        var scorer = settings.ScorerOf(artifact, acousticScale: 1f);
        var grammar = settings.BuildGrammar();
        var dev = ConsoleProgress.Run("scoring", 1, update =>
            CorpusRecognizer.ScoreSplit(scorer, settings.Corpus, settings.CorpusSplit, settings.Limit, (done, total) => update(0, $"{done}/{total} utterances")));
        var tuner = new DecodingTuner(penalty => settings.BuildGraph(grammar, penalty), FrameTiming.Of(scorer.Metadata.Features), scorer.Classes,
                                      settings.MaxActive ?? 7000, threads: Math.Max(1, settings.Threads));
        var (best, trials) = tuner.Tune(dev, trial => Console.Error.WriteLine(
            $"  scale {trial.AcousticScale,5:0.###}  penalty {trial.WordInsertionPenalty,4:0.#}  beam {trial.Beam,4:0.#}  WER {trial.Wer:P2}  sentences {trial.SentenceAccuracy:P1}"));
        var split = settings.CorpusSplit.ToString().ToLowerInvariant();
        var defaults = new DecodingDefaults(best.AcousticScale, best.WordInsertionPenalty, best.Beam, settings.MaxActive ?? 7000,
            $"{Path.GetFileName(Path.GetFullPath(settings.Corpus).TrimEnd(Path.DirectorySeparatorChar))} {split} ({dev.Count} utterances), {settings.TaskName}: WER {best.Wer:0.0000}");
        var output = settings.Out ?? settings.Model;
        ModelArtifact.Save(output, artifact.Model, artifact.Metadata with { Decoding = defaults });

        var summary = new
        {
            model = output,
            sha256 = ModelArtifact.ContentHash(File.ReadAllBytes(output)),
            decoding = new { acoustic_scale = defaults.AcousticScale, word_penalty = defaults.WordInsertionPenalty, beam = defaults.Beam, max_active = defaults.MaxActive, tuned_on = defaults.TunedOn },
            dev_wer = best.Wer,
            dev_sentence_accuracy = best.SentenceAccuracy,
            trials = trials.Select(t => new { acoustic_scale = t.AcousticScale, word_penalty = t.WordInsertionPenalty, beam = t.Beam, wer = t.Wer, sentence_accuracy = t.SentenceAccuracy, not_reaching_final = t.NotReachingFinal }),
        };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated(
                $"Wrote [bold]{output}[/]: acoustic scale {defaults.AcousticScale}, word penalty {defaults.WordInsertionPenalty}, beam {defaults.Beam} (dev WER {best.Wer:P2})."));
        return 0;
    }
}
