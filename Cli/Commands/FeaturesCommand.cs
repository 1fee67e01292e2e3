using System.Text.Json;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic features</c>: log-mel filterbank of one WAV file.</summary>
[Description("Compute Kaldi-compatible log-mel filterbank features (25 ms povey window, 10 ms shift, dither 0, no CMVN) of a WAV file.")]
internal sealed class FeaturesCommand : Command<FeaturesCommand.Settings>
{
    internal sealed class Settings : FbankFileSettings
    {
        [CommandOption("--json")]
        [Description("Print JSON to stdout: an object whose \"frames\" holds one array of log energies per 10 ms frame.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (samples, options) = settings.ReadAudio();
        var rate = options.SampleFrequency;
        var features = new FilterbankExtractor(options).Compute(samples);
        if (features.Frames == 0)
        {
            ConsoleProgress.Stderr.MarkupLineInterpolated(
                $"[yellow]note:[/] {samples.Length} samples are fewer than one {options.FrameLengthMs} ms window; no frames.");
        }

        if (settings.Json)
        {
            WriteJson(features);
        }
        else
        {
            var seconds = samples.Length / rate;
            AnsiConsole.MarkupLineInterpolated(
                $"{Path.GetFileName(settings.Wav)}: [bold]{features.Frames}[/] frames × [bold]{features.Dim}[/] log-mel bins, {seconds:F2} s at {rate} Hz");
        }
        return 0;
    }

    private static void WriteJson(FeatureMatrix features)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout))
        {
            json.WriteStartObject();
            json.WriteStartArray("frames");
            for (var f = 0; f < features.Frames; f++)
            {
                json.WriteStartArray();
                foreach (var value in features.Row(f))
                {
                    json.WriteNumberValue(value);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }
}
