using System.Diagnostics;

namespace AcousticDistill.Bench.Silo;

/// <summary>Samples this process's resident set size (working set on Linux = RSS) on a timer, labelled with the current stage.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly List<(string Stage, double MiB)> _samples = [];
    private readonly Timer _timer;

    public MemorySampler(TimeSpan interval) => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);

    /// <summary>The label given to the next samples.</summary>
    public volatile string Stage = "Idle";

    public object Summary()
    {
        lock (_samples)
        {
            return _samples.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => new
            {
                samples = g.Count(),
                median = Math.Round(g.Select(s => s.MiB).Order().ElementAt(g.Count() / 2), 1),
                max = Math.Round(g.Max(s => s.MiB), 1),
            });
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var mib = process.WorkingSet64 / (1024.0 * 1024.0);
        lock (_samples)
        {
            _samples.Add((Stage, mib));
        }
    }
}
