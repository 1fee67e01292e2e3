using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic decode</c>: recognises one WAV file with a word-loop grammar, a phrase list or an ARPA language model,
/// feeding the audio in chunks as a live stream would, and prints the partial results seen on the way and the final
/// words with times. Language-model words the lexicon lacks are skipped with a warning on stderr.
/// </summary>
internal sealed class DecodeCommand : Command<DecodeCommand.Settings>
{
    public sealed class Settings : WavFileSettings
    {
        [CommandOption("--grammar <WORDS>"), Description("Words that may follow each other in any order, e.g. \"zero one two\".")]
        public string? Grammar { get; init; }

        [CommandOption("--phrases <LIST>"), Description("Exactly one of these phrases, separated by '|', e.g. \"zero|one|two\".")]
        public string? Phrases { get; init; }

        [CommandOption("--lm <FILE>"), Description("ARPA language model (used up to bigrams) instead of a grammar.")]
        public string? Lm { get; init; }

        [CommandOption("--lm-weight <W>"), Description("Language-model weight against acoustic scores."), DefaultValue(1f)]
        public float LmWeight { get; init; } = 1f;

        [CommandOption("--chunk-ms <MS>"), Description("Audio per chunk fed to the recognizer."), DefaultValue(100)]
        public int ChunkMs { get; init; } = 100;

        [CommandOption("--beam <B>"), Description("Beam width (log score)."), DefaultValue(16f)]
        public float Beam { get; init; } = 16f;

        [CommandOption("--max-active <N>"), Description("Most HMM states kept per frame."), DefaultValue(7000)]
        public int MaxActive { get; init; } = 7000;

        public override ValidationResult Validate() =>
            new[] { Grammar, Phrases, Lm }.Count(g => g is not null) != 1 ? ValidationResult.Error("Give exactly one of --grammar, --phrases or --lm.")
            : ChunkMs <= 0 ? ValidationResult.Error("--chunk-ms must be positive.")
            : base.Validate();

        /// <summary>
        /// The grammar asked for and the language-model words left out of it for want of a pronunciation (word loops
        /// and phrase lists stay strict: an unknown word there is an error when the graph is built).
        /// </summary>
        public (Grammar Grammar, IReadOnlyList<string> SkippedLmWords) BuildGrammar(PronunciationLexicon lexicon)
        {
            if (Lm is null)
            {
                return (Grammar is not null
                    ? Acoustic.Decoding.Grammar.WordLoop(Grammar.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    : Acoustic.Decoding.Grammar.PhraseList(Phrases!.Split('|')), []);
            }
            var lm = ArpaLanguageModel.Load(Lm).ToGrammar(LmWeight, lexicon.Contains);
            return (lm.Grammar, lm.SkippedWords);
        }
    }

    private const int MaxWordsNamed = 20;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scorer = settings.LoadScorer();
        var lexicon = settings.LoadLexicon();
        var (grammar, skipped) = settings.BuildGrammar(lexicon);
        WarnSkipped(skipped);
        var graph = DecodingGraph.Build(grammar, lexicon, settings.GraphOptions());
        var samples = settings.ReadAudio(settings.Wav, scorer.SampleRate);
        var recognizer = new StreamingRecognizer(scorer, graph, new DecoderOptions { Beam = settings.Beam, MaxActive = settings.MaxActive });

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
            graph_states = graph.NodeCount,
            skipped_lm_words = skipped,
            priors = scorer.Priors.Source,
        };
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated($"[bold]{result.Text}[/]  ({audioSeconds:F2} s audio, RTF {seconds / Math.Max(audioSeconds, 1e-9):F4})"));
        return 0;
    }

    // On stderr, so that --json output stays clean; the first words only when there are many (the JSON has them all).
    private static void WarnSkipped(IReadOnlyList<string> skipped)
    {
        if (skipped.Count == 0)
        {
            return;
        }
        var named = string.Join(", ", skipped.Take(MaxWordsNamed));
        var more = skipped.Count > MaxWordsNamed ? $", … ({skipped.Count - MaxWordsNamed} more)" : "";
        ConsoleProgress.Stderr.MarkupLineInterpolated(
            $"[yellow]warning:[/] {skipped.Count} LM words have no pronunciation and are skipped: {named}{more}");
    }
}
