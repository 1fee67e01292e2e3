using System.Text.Json;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic bench fbank</c>: single-threaded speed of the filterbank extractor.</summary>
[Description("Time the filterbank extractor on one thread on a WAV file (best of N runs) and report ×real time.")]
internal sealed class BenchFbankCommand : Command<BenchFbankCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--wav <FILE>")]
        [Description("WAV file to extract features from.")]
        public string? Wav { get; init; }

        [CommandOption("--rate <HZ>")]
        [Description("Sample rate to compute features at. Default: the WAV file's own rate.")]
        public int? Rate { get; init; }

        [CommandOption("--bins <N>")]
        [Description("Number of mel bins.")]
        [DefaultValue(40)]
        public int Bins { get; init; } = 40;

        [CommandOption("--repeats <N>")]
        [Description("Timed runs; the fastest one is reported.")]
        [DefaultValue(10)]
        public int Repeats { get; init; } = 10;

        [CommandOption("--json")]
        [Description("Print the result as JSON to stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Wav))
            {
                return ValidationResult.Error("--wav FILE is required.");
            }
            if (Repeats < 1)
            {
                return ValidationResult.Error($"--repeats must be at least 1, got {Repeats}.");
            }
            return Rate is <= 0 ? ValidationResult.Error($"--rate must be positive, got {Rate}.") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var rate = settings.Rate ?? WavDecoder.ReadSampleRate(settings.Wav!);
        var options = new FbankOptions { SampleFrequency = rate, NumMelBins = settings.Bins };
        options.Validate();
        var samples = WavDecoder.DecodeFile(settings.Wav!, rate);
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
