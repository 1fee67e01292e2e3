using AcousticDistill.Cli.Study;

namespace AcousticDistill.Acoustic.Tests.Study;

public sealed class StudyStatisticsTests
{
    [Fact]
    public void TInterval_ThreeValues_UsesStudentsT()
    {
        var interval = StudyStatistics.TInterval([1.0, 2.0, 3.0])!.Value;

        // mean 2, sd 1, t(0.975, 2 df) = 4.303: 2 ± 4.303 / √3.
        Assert.Equal(2 - 4.303 / Math.Sqrt(3), interval.Low, 6);
        Assert.Equal(2 + 4.303 / Math.Sqrt(3), interval.High, 6);
    }

    [Fact]
    public void TInterval_OneValue_IsUndefined()
    {
        Assert.Null(StudyStatistics.TInterval([1.0]));
        Assert.True(double.IsNaN(StudyStatistics.StandardDeviation([1.0])));
    }

    [Fact]
    public void Bootstrap_OfAMean_CoversItAndShrinksWithMoreItems()
    {
        static (double Low, double High) MeanInterval(double[] values) =>
            StudyStatistics.Bootstrap(values.Length, w => values.Select((v, i) => v * w[i]).Sum() / w.Sum());
        var few = Enumerable.Range(0, 20).Select(i => (double)(i % 2)).ToArray();
        var many = Enumerable.Range(0, 2000).Select(i => (double)(i % 2)).ToArray();

        var narrow = MeanInterval(many);
        var wide = MeanInterval(few);

        Assert.InRange(0.5, narrow.Low, narrow.High);
        Assert.InRange(0.5, wide.Low, wide.High);
        Assert.True(narrow.High - narrow.Low < (wide.High - wide.Low) / 4);
    }
}
