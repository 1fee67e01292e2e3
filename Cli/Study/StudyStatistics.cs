namespace AcousticDistill.Cli.Study;

/// <summary>Means, standard deviations and 95% intervals for a handful of seeds (Student's t) or a bootstrap.</summary>
internal static class StudyStatistics
{
    // Two-sided 95% quantiles of Student's t for 1–30 degrees of freedom; beyond that the normal 1.96 is close enough.
    private static readonly double[] s_t975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (n − 1); NaN for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The 95% t-interval of the mean of paired differences (one per seed); null for fewer than two.</summary>
    public static (double Low, double High)? TInterval(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }
        var df = values.Count - 1;
        var t = df <= s_t975.Length ? s_t975[df - 1] : 1.96;
        var half = t * StandardDeviation(values) / Math.Sqrt(values.Count);
        var mean = Mean(values);
        return (mean - half, mean + half);
    }

    /// <summary>
    /// The 2.5th and 97.5th percentiles of <paramref name="statistic"/> over <paramref name="resamples"/> draws of
    /// <paramref name="items"/> items with replacement; the statistic receives how often each item was drawn.
    /// </summary>
    public static (double Low, double High) Bootstrap(int items, Func<int[], double> statistic, int resamples = 1000, int seed = 12345)
    {
        var random = new Random(seed);
        var values = new double[resamples];
        var counts = new int[items];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(counts);
            for (var i = 0; i < items; i++)
            {
                counts[random.Next(items)]++;
            }
            values[r] = statistic(counts);
        }
        // Resamples where the statistic is undefined (e.g. a ratio over a zero gain) are left out of the percentiles.
        var finite = values.Where(double.IsFinite).Order().ToArray();
        return finite.Length == 0
            ? (double.NaN, double.NaN)
            : (finite[(int)(0.025 * (finite.Length - 1))], finite[(int)Math.Ceiling(0.975 * (finite.Length - 1))]);
    }
}
