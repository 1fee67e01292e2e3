using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic model tune-decoding</c>: chooses the acoustic scale, word insertion penalty and beam on a dev split
/// (never a test split) and writes the model again with them as its decoding defaults, so that it decodes well with
/// no flags wherever it is served. With the lexicon-tree search (a large or trigram LM) they become the model's
/// open-vocabulary defaults, beside the graph search's.
/// </summary>
internal sealed class ModelTuneDecodingCommand : Command<ModelTuneDecodingCommand.Settings>
{
    public sealed class Settings : CorpusRecognitionSettings
    {
        [CommandOption("--out <FILE>"), Description("Where to write the tuned artifact (default: rewrite --model in place).")]
        public string? Out { get; init; }

        [CommandOption("--allow-test"), Description("Tune on the test split anyway (its figures then mean nothing: only for experiments).")]
        public bool AllowTest { get; init; }

        [CommandOption("--scales <LIST>"), Description("Acoustic scales tried, comma-separated (default: 0.04 … 0.45 for graphs, 0.06,0.08,0.1,0.13 for the tree search).")]
        public string? Scales { get; init; }

        [CommandOption("--penalties <LIST>"), Description("Word penalties tried, comma-separated (default: -4,-2,-1,0,1,2 for graphs, -2,0,2,4 for the tree search).")]
        public string? Penalties { get; init; }

        [CommandOption("--beams <LIST>"), Description("Beams tried, comma-separated, the widest first (default: 20,14,10,7 for graphs, 16,12,10,8 for the tree search).")]
        public string? Beams { get; init; }

        public float[]? ParsedScales => ParseList(Scales);

        public float[]? ParsedPenalties => ParseList(Penalties);

        public float[]? ParsedBeams => ParseList(Beams);

        private static float[]? ParseList(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        public override ValidationResult Validate() =>
            base.Validate() is { Successful: false } failed ? failed
            : CorpusSplit == CorpusSplit.Test && !AllowTest ? ValidationResult.Error("Decoding is tuned on a dev split, not on test (--allow-test overrides, for experiments only; a --kaldi-data folder is test unless --split dev says otherwise).")
            : new[] { Scales, Penalties, Beams }.Any(l => l is not null && l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(v => !float.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
                ? ValidationResult.Error("--scales, --penalties and --beams take comma-separated numbers.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var artifact = ModelArtifact.Load(settings.Model);
        var scorer = settings.ScorerOf(artifact, acousticScale: 1f);
        var dev = ConsoleProgress.Run("scoring", 1, update =>
            settings.ScoreUtterances(samples => scorer.ScoreAudio(samples), scorer.SampleRate, (done, total) => update(0, $"{done}/{total} utterances")));
        var timing = FrameTiming.Of(scorer.Metadata.Features);
        var maxActive = settings.MaxActive ?? 7000;
        var threads = Math.Max(1, settings.Threads);
        var treeLm = settings.TreeLanguageModel();
        DecodingTuner tuner;
        if (treeLm is null)
        {
            var grammar = settings.BuildGrammar();
            tuner = new DecodingTuner(penalty => settings.BuildGraph(grammar, penalty), timing, scorer.Classes, maxActive, threads)
            {
                Scales = settings.ParsedScales ?? DecodingTuner.GraphScales,
                Penalties = settings.ParsedPenalties ?? DecodingTuner.GraphPenalties,
                Beams = settings.ParsedBeams ?? DecodingTuner.GraphBeams,
            };
        }
        else
        {
            var tree = settings.BuildTree(treeLm, settings.LoadLexicon());
            tuner = new DecodingTuner(penalty => new CorpusRecognizer(pruning => new LexiconTreeDecoder(tree, timing, scorer.Classes,
                    settings.TreeOptions(pruning, settings.GraphOptions() with { WordInsertionLogPenalty = penalty }, tuned: null))), maxActive, threads)
            {
                Scales = settings.ParsedScales ?? [0.06f, 0.08f, 0.1f, 0.13f],
                Penalties = settings.ParsedPenalties ?? [-2f, 0f, 2f, 4f],
                Beams = settings.ParsedBeams ?? [16f, 12f, 10f, 8f],
            };
        }
        var (best, trials) = tuner.Tune(dev, trial => Console.Error.WriteLine(
            $"  scale {trial.AcousticScale,5:0.###}  penalty {trial.WordInsertionPenalty,4:0.#}  beam {trial.Beam,4:0.#}  WER {trial.Wer:P2}  sentences {trial.SentenceAccuracy:P1}"));
        var split = settings.CorpusSplit.ToString().ToLowerInvariant();
        var defaults = new DecodingDefaults(best.AcousticScale, best.WordInsertionPenalty, best.Beam, maxActive,
            $"{Path.GetFileName(Path.GetFullPath(settings.Source).TrimEnd(Path.DirectorySeparatorChar))} {split} ({dev.Count} utterances), {settings.TaskName}, {(treeLm is null ? "graph" : "tree")} search: WER {best.Wer:0.0000}",
            treeLm is null ? null : settings.WordEndBeam ?? 10f);
        var output = settings.Out ?? settings.Model;
        ModelArtifact.Save(output, artifact.Model, treeLm is null
            ? artifact.Metadata with { Decoding = defaults }
            : artifact.Metadata with { OpenVocabularyDecoding = defaults });

        var summary = new
        {
            model = output,
            sha256 = ModelArtifact.ContentHash(File.ReadAllBytes(output)),
            search = treeLm is null ? "graph" : "tree",
            decoding = new { acoustic_scale = defaults.AcousticScale, word_end_beam = defaults.WordEndBeam, word_penalty = defaults.WordInsertionPenalty, beam = defaults.Beam, max_active = defaults.MaxActive, tuned_on = defaults.TunedOn },
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
