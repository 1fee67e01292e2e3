using System.Text.Json;
using AcousticDistill.Cli.Load;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic bench stream</c>: many concurrent Vosk-protocol streams against a running Gateway.</summary>
[Description("Stream WAV files over the Gateway's WebSocket from N concurrent clients (real time or as fast as possible) and report latency, errors, CPU and memory.")]
internal sealed class BenchStreamCommand : AsyncCommand<BenchStreamCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--url <URL>"), Description("The Gateway's stream endpoint."), DefaultValue("ws://127.0.0.1:2700/v1/stream")]
        public string Url { get; init; } = "ws://127.0.0.1:2700/v1/stream";

        [CommandOption("--audio <PATH>"), Description("A WAV file or a folder of them (played one after another by every client).")]
        public string Audio { get; init; } = "";

        [CommandOption("--rate <HZ>"), Description("Sample rate the clients stream at (files are resampled to it)."), DefaultValue(16000)]
        public int Rate { get; init; } = 16000;

        [CommandOption("--streams <N>"), Description("Concurrent clients, all from this machine's address: a Gateway refuses (429) more than its Security:MaxStreamsPerClient (16 by default; 0 = off)."), DefaultValue(10)]
        public int Streams { get; init; } = 10;

        [CommandOption("--seconds <S>"), Description("How long to run."), DefaultValue(60.0)]
        public double Seconds { get; init; } = 60;

        [CommandOption("--chunk-ms <MS>"), Description("Audio per message."), DefaultValue(100)]
        public int ChunkMs { get; init; } = 100;

        [CommandOption("--fast"), Description("Send each chunk as soon as the previous reply arrives instead of in real time.")]
        public bool Fast { get; init; }

        [CommandOption("--reconnect"), Description("One connection per file: streams keep opening and closing (soak test).")]
        public bool Reconnect { get; init; }

        [CommandOption("--ramp-seconds <S>"), Description("Spread the clients' starts over this time."), DefaultValue(5.0)]
        public double RampSeconds { get; init; } = 5;

        [CommandOption("--max-files <N>"), Description("Most WAV files read from the folder."), DefaultValue(200)]
        public int MaxFiles { get; init; } = 200;

        [CommandOption("--server-pid <PID>"), Description("Sample this process's CPU and memory (/proc).")]
        public int? ServerPid { get; init; }

        [CommandOption("--metrics-url <URL>"), Description("Sample a gauge from this Prometheus endpoint.")]
        public string? MetricsUrl { get; init; }

        [CommandOption("--gauge <NAME>"), Description("The gauge sampled from --metrics-url."), DefaultValue("transcription_sessions_active")]
        public string Gauge { get; init; } = "transcription_sessions_active";

        [CommandOption("--sample-seconds <S>"), Description("Sampling interval of CPU, memory and the gauge."), DefaultValue(5.0)]
        public double SampleSeconds { get; init; } = 5;

        [CommandOption("--out <FILE>"), Description("Also write the JSON report here.")]
        public string? Out { get; init; }

        [CommandOption("--json"), Description("Print the report as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Audio) ? ValidationResult.Error("--audio is required.")
            : Streams < 1 || Seconds <= 0 || ChunkMs < 10 || RampSeconds < 0 || SampleSeconds <= 0 || Rate < 8000
                ? ValidationResult.Error("--streams, --seconds, --sample-seconds must be positive, --chunk-ms at least 10, --rate at least 8000.")
            : !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss") ? ValidationResult.Error($"--url must be a ws:// or wss:// URL, got '{Url}'.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var audio = StreamAudio.Load(settings.Audio, settings.Rate, settings.MaxFiles);
        var url = new Uri(settings.Url);
        var streams = Enumerable.Range(0, settings.Streams)
            .Select(i => new LoadStream(url, audio, settings.ChunkMs, !settings.Fast, settings.Reconnect, i)).ToList();
        var sampler = new ProcessSampler(settings.ServerPid, settings.MetricsUrl is null ? null : new Uri(settings.MetricsUrl), settings.Gauge,
            TimeSpan.FromSeconds(settings.SampleSeconds));
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = sampler.RunAsync(stopSampling.Token);
        var started = DateTime.UtcNow;
        var until = started + TimeSpan.FromSeconds(settings.Seconds);
        ConsoleProgress.Stderr.WriteLine($"{settings.Streams} streams for {settings.Seconds:0} s ({(settings.Fast ? "fast" : "real time")}{(settings.Reconnect ? ", reconnecting" : "")}), {audio.Files.Count} files at {audio.SampleRate} Hz");
        await Task.WhenAll(streams.Select((s, i) => StartAfterAsync(s, TimeSpan.FromSeconds(settings.RampSeconds * i / settings.Streams), until, cancellationToken)));
        var wall = (DateTime.UtcNow - started).TotalSeconds;
        await stopSampling.CancelAsync();
        await sampling;

        var report = LoadReport.Create(settings, streams.Select(s => s.Tally).ToList(), sampler.Samples, wall);
        if (settings.Out is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Out))!);
            await File.WriteAllTextAsync(settings.Out, JsonSerializer.Serialize(report, LoadReport.JsonOptions), cancellationToken);
        }
        JsonOutput.Print(settings.Json, report, () => AnsiConsole.WriteLine(JsonSerializer.Serialize(report, LoadReport.JsonOptions)));
        return report.Errors == 0 ? 0 : 1;
    }

    private static async Task StartAfterAsync(LoadStream stream, TimeSpan delay, DateTime until, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await stream.RunAsync(until, cancellationToken);
    }
}
