using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic decode</c>: recognises one WAV file with a word-loop grammar, a phrase list or a language model (a large
/// or trigram one, such as the general English LM, through the lexicon-tree search),
/// feeding the audio in chunks as a live stream would, and prints the partial results seen on the way and the final
/// words with times. Language-model words the lexicon lacks are skipped with a warning on stderr.
/// </summary>
internal sealed class DecodeCommand : Command<DecodeCommand.Settings>
{
    public sealed class Settings : RecognitionTaskSettings
    {
        [CommandOption("--wav <FILE>"), Description("The audio (resampled to the model's rate).")]
        public string Wav { get; init; } = "";

        [CommandOption("--chunk-ms <MS>"), Description("Audio per chunk fed to the recognizer."), DefaultValue(100)]
        public int ChunkMs { get; init; } = 100;

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Wav) ? ValidationResult.Error("--wav is required.")
            : ChunkMs <= 0 ? ValidationResult.Error("--chunk-ms must be positive.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var treeLm = settings.TreeLanguageModel();
        var artifact = ModelArtifact.Load(settings.Model);
        var tuned = settings.TunedDefaults(artifact.Metadata, tree: treeLm is not null);
        var scorer = settings.ScorerOf(artifact, settings.AcousticScaleFor(tuned));
        var lexicon = settings.LoadLexicon();
        IReadOnlyList<string> skipped;
        StreamingRecognizer recognizer;
        var states = 0;
        if (treeLm is not null)
        {
            // A large or trigram LM: the lexicon-tree search (as open-vocabulary streams are served).
            var tree = settings.BuildTree(treeLm, lexicon);
            skipped = tree.SkippedWords;
            states = tree.StateClass.Length;
            var options = settings.TreeOptions(settings.DecoderOptions(tuned), settings.GraphOptions(tuned), tuned);
            recognizer = new StreamingRecognizer(scorer, new LexiconTreeDecoder(tree, FrameTiming.Of(scorer.Metadata.Features), scorer.Classes, options));
        }
        else
        {
            (var grammar, skipped) = settings.BuildGrammar(lexicon);
            var graph = DecodingGraph.Build(grammar, lexicon, settings.GraphOptions(tuned));
            states = graph.NodeCount;
            recognizer = new StreamingRecognizer(scorer, graph, settings.DecoderOptions(tuned));
        }
        var samples = settings.ReadAudio(settings.Wav, scorer.SampleRate);

        var chunk = Math.Max(1, scorer.SampleRate * settings.ChunkMs / 1000);
        var partials = new List<object>();
        string? lastPartial = null;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < samples.Length; start += chunk)
        {
            recognizer.AcceptWaveform(samples.AsSpan(start, Math.Min(chunk, samples.Length - start)));
            var partial = recognizer.PartialResult().Text;
            if (partial != lastPartial)
            {
                lastPartial = partial;
                partials.Add(new { at = Math.Round(Math.Min(start + chunk, samples.Length) / (double)scorer.SampleRate, 3), partial });
            }
        }
        var result = recognizer.Finish();
        var seconds = clock.Elapsed.TotalSeconds;
        if (!result.ReachedFinal)
        {
            // The best path was pruned before the grammar could end: the text is the best partial path, which is often empty.
            ConsoleProgress.Stderr.MarkupLineInterpolated(
                $"[yellow]warning:[/] no path reached the end of the grammar; the result is the best partial path. A wider --beam, or a smaller --lm-weight or --acoustic-scale, may help.");
        }
        var audioSeconds = samples.Length / (double)scorer.SampleRate;

        var summary = new
        {
            wav = settings.Wav,
            text = result.Text,
            reached_final = result.ReachedFinal,
            words = result.Words.Select(w => new
            {
                word = w.Word,
                start = Math.Round(w.StartSeconds, 3),
                end = Math.Round(w.EndSeconds, 3),
                conf = Math.Round(w.Confidence, 4),
            }),
            partials,
            frames = result.Frames,
            log_score = result.LogScore,
            audio_seconds = audioSeconds,
            real_time_factor = seconds / Math.Max(audioSeconds, 1e-9),
            search = treeLm is null ? "graph" : "tree",
            graph_states = states,
            skipped_lm_words = skipped,
            priors = scorer.Priors.Source,
        };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated($"[bold]{result.Text}[/]  ({audioSeconds:F2} s audio, RTF {seconds / Math.Max(audioSeconds, 1e-9):F4})"));
        return 0;
    }
}
