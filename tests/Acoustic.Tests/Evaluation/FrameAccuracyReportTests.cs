using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Acoustic.Tests.Evaluation;

public sealed class FrameAccuracyReportTests
{
    [Fact]
    public void Scores_ExactStatePhoneAndPerPhone()
    {
        var sil0 = PhoneSet.ClassOf(0, 0);
        var aa0 = PhoneSet.ClassOf(PhoneSet.IndexOf("aa"), 0);
        var aa2 = PhoneSet.ClassOf(PhoneSet.IndexOf("aa"), 2);
        int[] reference = [sil0, sil0, aa0, aa0];
        int[] predicted = [sil0, aa0, aa0, aa2];

        var report = FrameAccuracyReport.FromPredictions(predicted, reference, PhoneSet.ClassCount);

        Assert.Equal(0.5, report.FrameAccuracy);
        Assert.Equal(0.75, report.PhoneAccuracy); // aa2 for aa0 is the right phone, wrong state
        Assert.Equal(1, report.Confusion[sil0, aa0]);
        var perPhone = report.PerPhone().ToDictionary(p => p.Phone);
        Assert.Equal(0.5, perPhone["sil"].Accuracy);
        Assert.Equal(2, perPhone["aa"].Frames);
        Assert.True(double.IsNaN(perPhone["zh"].Accuracy));
        Assert.Equal(0.5, report.AccuracyOn(new HashSet<int> { aa0 }));
    }
}
