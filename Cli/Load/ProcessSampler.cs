using System.Globalization;
using System.Text.RegularExpressions;

namespace AcousticDistill.Cli.Load;

/// <summary>
/// Samples a process's CPU time and resident memory from /proc (Linux), and optionally a Prometheus gauge from the
/// server's /metrics (e.g. active sessions), every interval: the figures over time of a load or soak run.
/// </summary>
internal sealed partial class ProcessSampler(int? pid, Uri? metricsUrl, string? gauge, TimeSpan interval)
{
    private static readonly double s_ticksPerSecond = 100.0; // USER_HZ on Linux

    public List<Sample> Samples { get; } = [];

    public sealed record Sample(double Seconds, double CpuSeconds, double RssMiB, double? Gauge, double OwnCpuSeconds);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var start = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (cpu, rss) = pid is { } id ? ReadProc(id) : (0.0, 0.0);
            double? value = null;
            if (metricsUrl is not null && gauge is not null)
            {
                try
                {
                    value = ReadGauge(await http.GetStringAsync(metricsUrl, cancellationToken), gauge);
                }
                catch (HttpRequestException)
                {
                    value = null;
                }
            }
            var own = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            Samples.Add(new Sample((DateTime.UtcNow - start).TotalSeconds, cpu, rss, value, own));
            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static (double CpuSeconds, double RssMiB) ReadProc(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start at the closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / s_ticksPerSecond;
        var rssKb = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return (cpu, double.Parse(rssKb, CultureInfo.InvariantCulture) / 1024.0);
    }

    // Sums every series of the gauge (all label sets).
    private static double? ReadGauge(string exposition, string name)
    {
        double? sum = null;
        foreach (Match match in SeriesLine().Matches(exposition))
        {
            if (match.Groups["name"].Value == name)
            {
                sum = (sum ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
