using System.Diagnostics;
using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic fsdd-eval</c>: digit accuracy of a model on FSDD files (optionally one speaker's) with a single-digit
/// grammar, decoded as streams; reports accuracy, confusions and the real-time factor of features + model + search.
/// </summary>
internal sealed class FsddEvalCommand : Command<FsddEvalCommand.Settings>
{
    public sealed class Settings : DecodeModelSettings
    {
        [CommandOption("--data <DIR>"), Description("FSDD recordings folder ({digit}_{speaker}_{index}.wav).")]
        public string Data { get; init; } = "";

        [CommandOption("--speaker <NAME>"), Description("Only this speaker's files (the held-out speaker).")]
        public string? Speaker { get; init; }

        [CommandOption("--chunk-ms <MS>"), Description("Audio per chunk fed to the recognizer."), DefaultValue(100)]
        public int ChunkMs { get; init; } = 100;

        [CommandOption("--beam <B>"), Description("Beam width (log score)."), DefaultValue(16f)]
        public float Beam { get; init; } = 16f;

        [CommandOption("--out <FILE>"), Description("Also write the JSON result to this file.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Data) ? ValidationResult.Error("--data is required.")
            : ChunkMs <= 0 ? ValidationResult.Error("--chunk-ms must be positive.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = TranscribedFile.FromFsdd(settings.Data).Where(f => settings.Speaker is null || f.Speaker == settings.Speaker).ToArray();
        if (files.Length == 0)
        {
            throw new ArgumentException($"No FSDD files of speaker '{settings.Speaker}' in {settings.Data}.");
        }
        var setup = Stopwatch.StartNew();
        var scorer = settings.LoadScorer();
        var digits = files.Select(f => f.Text).Distinct().Order().ToArray();
        var graph = DecodingGraph.Build(Grammar.PhraseList(DigitWords), settings.LoadLexicon(), settings.GraphOptions());
        var recognizer = new StreamingRecognizer(scorer, graph, new DecoderOptions { Beam = settings.Beam });
        var setupSeconds = setup.Elapsed.TotalSeconds;

        var chunk = Math.Max(1, scorer.SampleRate * settings.ChunkMs / 1000);
        var correct = 0;
        double audioSeconds = 0, decodeSeconds = 0;
        var errors = new List<object>();
        var perDigit = DigitWords.ToDictionary(d => d, _ => new int[2]);
        ConsoleProgress.Run("decoding", files.Length, update =>
        {
            for (var i = 0; i < files.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = files[i];
                var samples = settings.ReadAudio(file.AudioPath, scorer.SampleRate);
                var clock = Stopwatch.StartNew();
                recognizer.Reset();
                for (var start = 0; start < samples.Length; start += chunk)
                {
                    recognizer.AcceptWaveform(samples.AsSpan(start, Math.Min(chunk, samples.Length - start)));
                }
                var result = recognizer.Finish();
                decodeSeconds += clock.Elapsed.TotalSeconds;
                audioSeconds += samples.Length / (double)scorer.SampleRate;
                perDigit[file.Text][1]++;
                if (result.Text == file.Text)
                {
                    correct++;
                    perDigit[file.Text][0]++;
                }
                else
                {
                    errors.Add(new { file = Path.GetFileName(file.AudioPath), expected = file.Text, got = result.Text });
                }
                update(i + 1, $"{correct}/{i + 1} correct");
            }
            return 0;
        });

        var summary = new
        {
            data = settings.Data,
            speaker = settings.Speaker ?? "all",
            model = settings.Model,
            files = files.Length,
            correct,
            accuracy = correct / (double)files.Length,
            per_digit_accuracy = perDigit.Where(p => p.Value[1] > 0).ToDictionary(p => p.Key, p => p.Value[0] / (double)p.Value[1]),
            audio_seconds = audioSeconds,
            decode_seconds = decodeSeconds,
            real_time_factor = decodeSeconds / audioSeconds,
            setup_seconds = setupSeconds,
            chunk_ms = settings.ChunkMs,
            priors = scorer.Priors.Source,
            digits_present = digits,
            errors,
        };
        if (settings.Out is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Out))!);
            File.WriteAllText(settings.Out, JsonOutput.Serialize(summary));
        }
        JsonOutput.Print(settings.Json, summary, () =>
            AnsiConsole.MarkupLineInterpolated(
                $"{settings.Speaker ?? "all"}: [bold]{correct}/{files.Length}[/] digits correct ({correct / (double)files.Length:P1}), RTF {decodeSeconds / audioSeconds:F4}"));
        return 0;
    }

    private static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
}
