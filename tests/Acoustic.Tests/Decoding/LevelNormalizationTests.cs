namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class LevelNormalizationTests
{
    [Fact]
    public void ToRms_ScalesToTheTargetLevel_LeavesSilenceAlone_RejectsBadLevels()
    {
        var quiet = Enumerable.Range(0, 8000).Select(i => (float)(0.01 * Math.Sin(i * 0.1))).ToArray();
        LevelNormalization.ToRms(quiet, 0.08);
        Assert.Equal(0.08, Math.Sqrt(quiet.Average(x => (double)x * x)), 3);

        var silence = new float[100];
        LevelNormalization.ToRms(silence, 0.08);
        Assert.All(silence, x => Assert.Equal(0f, x));

        Assert.Throws<ArgumentException>(() => LevelNormalization.ToRms(quiet, 0));
        Assert.Throws<ArgumentException>(() => LevelNormalization.ToRms(quiet, 1.5));
    }
}
