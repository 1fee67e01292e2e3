using System.Text.Json;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic bench fbank</c>: single-threaded speed of the filterbank extractor.</summary>
[Description("Time the filterbank extractor on one thread on a WAV file (best of N runs) and report ×real time.")]
internal sealed class BenchFbankCommand : Command<BenchFbankCommand.Settings>
{
    internal sealed class Settings : FbankFileSettings
    {
        [CommandOption("--repeats <N>")]
        [Description("Timed runs; the fastest one is reported.")]
        [DefaultValue(10)]
        public int Repeats { get; init; } = 10;

        [CommandOption("--json")]
        [Description("Print the result as JSON to stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Repeats < 1 ? ValidationResult.Error($"--repeats must be at least 1, got {Repeats}.") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (samples, options) = settings.ReadAudio();
        var result = FbankBenchmark.Measure(samples, options, settings.Repeats);

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                implementation = "AcousticDistill FilterbankExtractor",
                threads = 1,
                audio_seconds = result.AudioSeconds,
                best_seconds = result.BestSeconds,
                times_real_time = result.TimesRealTime,
                frames = result.Frames,
                repeats = result.Repeats,
            }));
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"{result.AudioSeconds:F1} s of audio in {result.BestSeconds * 1000:F2} ms (best of {result.Repeats}): [bold]{result.TimesRealTime:F0}× real time[/]");
        }
        return 0;
    }
}
