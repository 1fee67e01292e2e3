using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic score</c>: word error rate, sentence accuracy and real-time factor of a model on a whole corpus split,
/// in one process. The real-time factor counts everything after start-up: loading the model, building the graph,
/// reading and scoring the audio, decoding. Decoding settings default to the model's tuned ones.
/// </summary>
internal sealed class ScoreCommand : Command<ScoreCommand.Settings>
{
    public sealed class Settings : CorpusRecognitionSettings
    {
        [CommandOption("--ensemble <DIR>"), Description("Score an ensemble folder (from 'acoustic ensemble train': mean of its members' posteriors) instead of --model; decoding defaults then come from --model when given.")]
        public string? Ensemble { get; init; }

        protected override bool ModelRequired => Ensemble is null;

        [CommandOption("--hypotheses <FILE>"), Description("Also write each utterance's reference and hypothesis (JSON lines).")]
        public string? Hypotheses { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var artifact = string.IsNullOrEmpty(settings.Model) ? null : ModelArtifact.Load(settings.Model);
        var treeLm = settings.TreeLanguageModel();
        var tuned = settings.TunedDefaults(artifact?.Metadata, tree: treeLm is not null);
        var scale = settings.AcousticScaleFor(tuned);
        var graphOptions = settings.GraphOptions(tuned);
        var options = settings.DecoderOptions(tuned);
        options.Validate();
        var ensemble = settings.Ensemble is null ? null : new EnsembleAudioScorer(settings.Ensemble);
        var scorer = ensemble?.First ?? settings.ScorerOf(artifact!, acousticScale: 1f);
        var lexicon = settings.LoadLexicon();
        var timing = FrameTiming.Of(scorer.Metadata.Features);
        CorpusRecognizer recognizer;
        if (treeLm is not null)
        {
            var tree = settings.BuildTree(treeLm, lexicon);
            recognizer = new CorpusRecognizer(pruning => new LexiconTreeDecoder(tree, timing, scorer.Classes, settings.TreeOptions(pruning, graphOptions, tuned)));
        }
        else
        {
            recognizer = new CorpusRecognizer(DecodingGraph.Build(settings.BuildGrammar(lexicon).Grammar, lexicon, graphOptions), timing, scorer.Classes);
        }
        var utterances = ensemble is null
            ? settings.ScoreUtterances(samples => scorer.ScoreAudio(samples), scorer.SampleRate)
            : settings.ScoreUtterances(samples => ensemble.ScoreAudio(samples), scorer.SampleRate);
        var decodeClock = Stopwatch.StartNew();
        var report = recognizer.Recognize(utterances, scale, options);
        var decodeSeconds = decodeClock.Elapsed.TotalSeconds;
        var seconds = clock.Elapsed.TotalSeconds;
        var audioSeconds = utterances.Sum(u => u.Entry.NumSamples) / (double)scorer.SampleRate;
        if (report.NotReachingFinal > 0)
        {
            Console.Error.WriteLine($"warning: {report.NotReachingFinal} of {report.Utterances.Count} utterances never reached a final grammar state (their best partial path is used): the beam ({options.Beam}) may be too narrow for acoustic scale {scale}.");
        }
        if (settings.Hypotheses is { } path)
        {
            File.WriteAllLines(path, report.Utterances.Select(u => System.Text.Json.JsonSerializer.Serialize(new
            {
                id = u.Id, speaker = u.Speaker, reference = u.Reference, hypothesis = u.Hypothesis, errors = u.Errors.Errors, reached_final = u.ReachedFinal,
            })));
        }

        var errors = report.Errors;
        var summary = new
        {
            model = settings.Ensemble ?? settings.Model,
            ensemble_members = ensemble?.Count,
            parameters = ensemble?.ParameterCount ?? scorer.Metadata.Architecture.ParameterCount,
            corpus = settings.Source,
            split = settings.CorpusSplit.ToString().ToLowerInvariant(),
            task = settings.TaskName,
            wer = report.Wer,
            sentence_accuracy = report.SentenceAccuracy,
            rtf = seconds / Math.Max(audioSeconds, 1e-9),
            decode_rtf = decodeSeconds / Math.Max(audioSeconds, 1e-9),
            utterances = report.Utterances.Count,
            words = errors.ReferenceWords,
            substitutions = errors.Substitutions,
            deletions = errors.Deletions,
            insertions = errors.Insertions,
            not_reaching_final = report.NotReachingFinal,
            audio_seconds = audioSeconds,
            seconds,
            torch_threads = TorchSharp.torch.get_num_threads(),
            decoding = new
            {
                decoder = treeLm is null ? "graph" : "tree",
                lm_weight = settings.LmWeight,
                word_end_beam = treeLm is null ? null : settings.TreeOptions(options, graphOptions, tuned).WordEndBeam as float?,
                acoustic_scale = scale,
                word_penalty = graphOptions.WordInsertionLogPenalty,
                beam = options.Beam,
                max_active = options.MaxActive,
                from_model = tuned?.TunedOn,
            },
        };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated(
                $"WER [bold]{report.Wer:P2}[/] ({errors.Errors} errors / {errors.ReferenceWords} words: {errors.Substitutions} sub, {errors.Deletions} del, {errors.Insertions} ins), sentence accuracy {report.SentenceAccuracy:P1}, {report.Utterances.Count} utterances, RTF {seconds / Math.Max(audioSeconds, 1e-9):F4}"));
        return 0;
    }
}
