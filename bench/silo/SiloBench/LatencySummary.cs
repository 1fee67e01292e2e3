namespace AcousticDistill.Bench.Silo;

/// <summary>Count and percentiles (nearest rank) of call latencies in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        double Rank(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
        return new LatencySummary(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.99), Math.Round(sorted[^1], 2));
    }
}
