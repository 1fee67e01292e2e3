using System.Text.Json;
using AcousticDistill.Cli.Commands;

namespace AcousticDistill.Cli.Load;

/// <summary>The machine-readable result of <c>acoustic bench stream</c>.</summary>
internal sealed record LoadReport(
    object Config,
    int Streams,
    double WallSeconds,
    double AudioSeconds,
    int Connections,
    int Chunks,
    int Finals,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    object LatencyMs,
    object FinalLatencyMs,
    object PerStreamRealTimeFactor,
    object Server,
    double LoadGeneratorCpuCores,
    IReadOnlyList<object> Samples)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static LoadReport Create(BenchStreamCommand.Settings settings, IReadOnlyList<StreamTally> tallies,
        IReadOnlyList<ProcessSampler.Sample> samples, double wall)
    {
        var latencies = tallies.SelectMany(t => t.LatenciesMs).Order().ToArray();
        var finalLatencies = tallies.SelectMany(t => t.FinalLatenciesMs).Order().ToArray();
        // Per stream: time spent waiting for the service over audio sent (in fast mode, wall time over audio time).
        var rtf = tallies.Where(t => t.AudioSeconds > 0).Select(t => t.BusySeconds / t.AudioSeconds).Order().ToArray();
        var errors = tallies.SelectMany(t => t.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new LoadReport(
            new
            {
                url = settings.Url, audio = settings.Audio, rate = settings.Rate, chunk_ms = settings.ChunkMs, seconds = settings.Seconds,
                mode = settings.Fast ? "fast" : "realtime", reconnect = settings.Reconnect, ramp_seconds = settings.RampSeconds,
            },
            tallies.Count,
            Math.Round(wall, 2),
            Math.Round(tallies.Sum(t => t.AudioSeconds), 1),
            tallies.Sum(t => t.Connections),
            tallies.Sum(t => t.Chunks),
            tallies.Sum(t => t.Finals),
            errors.Values.Sum(),
            errors,
            new { p50 = Rank(latencies, 0.50), p95 = Rank(latencies, 0.95), p99 = Rank(latencies, 0.99), max = latencies.Length > 0 ? Math.Round(latencies[^1], 2) : 0 },
            new { p50 = Rank(finalLatencies, 0.50), p95 = Rank(finalLatencies, 0.95), p99 = Rank(finalLatencies, 0.99), max = finalLatencies.Length > 0 ? Math.Round(finalLatencies[^1], 2) : 0 },
            new { p50 = Rank(rtf, 0.50, 4), p95 = Rank(rtf, 0.95, 4), max = rtf.Length > 0 ? Math.Round(rtf[^1], 4) : 0 },
            ServerFigures(samples, tallies.Sum(t => t.AudioSeconds)),
            samples.Count > 1 ? Math.Round((samples[^1].OwnCpuSeconds - samples[0].OwnCpuSeconds) / (samples[^1].Seconds - samples[0].Seconds), 3) : 0,
            samples.Select(s => (object)new { t = Math.Round(s.Seconds, 1), server_cpu_seconds = s.CpuSeconds, server_rss_mib = Math.Round(s.RssMiB, 1), gauge = s.Gauge }).ToList());
    }

    private static object ServerFigures(IReadOnlyList<ProcessSampler.Sample> samples, double audioSeconds)
    {
        if (samples.Count < 2)
        {
            return new { };
        }
        var span = samples[^1].Seconds - samples[0].Seconds;
        return new
        {
            cpu_cores = Math.Round((samples[^1].CpuSeconds - samples[0].CpuSeconds) / span, 3),
            // The whole service's real-time factor: its CPU time over the audio it transcribed (sampling starts with the run).
            cpu_seconds_per_audio_second = audioSeconds > 0 ? Math.Round((samples[^1].CpuSeconds - samples[0].CpuSeconds) / audioSeconds, 5) : 0,
            rss_mib_first = Math.Round(samples[0].RssMiB, 1),
            rss_mib_max = Math.Round(samples.Max(s => s.RssMiB), 1),
            rss_mib_last = Math.Round(samples[^1].RssMiB, 1),
            gauge_max = samples.Max(s => s.Gauge),
            gauge_last = samples[^1].Gauge,
        };
    }

    // Nearest-rank percentile.
    private static double Rank(double[] sorted, double p, int digits = 2) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], digits);
}
