namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class CmvnTests
{
    [Fact]
    public void Accumulate_OverSeveralUtterances_GivesGlobalMeanAndInverseStd()
    {
        var accumulator = new CmvnAccumulator(2);
        accumulator.Add(new FeatureMatrix([1, 10, 3, 10], 2, 2));
        accumulator.Add(new FeatureMatrix([5, 10, 7, 10], 2, 2));

        var cmvn = accumulator.ToCmvn();

        Assert.Equal(4, accumulator.FrameCount);
        Assert.Equal([4f, 10f], cmvn.Mean.ToArray());
        Assert.Equal(1 / MathF.Sqrt(5f), cmvn.InvStd[0], 6);
        // A constant dimension is floored instead of dividing by zero.
        Assert.True(float.IsFinite(cmvn.InvStd[1]) && cmvn.InvStd[1] > 0);
    }

    [Fact]
    public void Apply_NormalisesInPlaceToZeroMeanUnitVariance()
    {
        var random = new Random(4);
        var data = new float[300 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * (1 + (i % 3))) + (5 * (i % 3)));
        }
        var features = new FeatureMatrix(data, 300, 3);
        var accumulator = new CmvnAccumulator(3);
        accumulator.Add(features);

        accumulator.ToCmvn().Apply(features);

        var check = new CmvnAccumulator(3);
        check.Add(features);
        var after = check.ToCmvn();
        for (var d = 0; d < 3; d++)
        {
            Assert.Equal(0f, after.Mean[d], 4);
            Assert.Equal(1f, after.InvStd[d], 3);
        }
    }

    [Fact]
    public void Constructor_FromSavedArrays_RoundTrips()
    {
        var original = new Cmvn([1f, 2f], [0.5f, 4f]);
        var restored = new Cmvn(original.Mean.ToArray(), original.InvStd.ToArray());
        var features = new FeatureMatrix([3f, 3f], 1, 2);

        restored.Apply(features);

        Assert.Equal([1f, 4f], features.Data);
    }

    [Fact]
    public void MeanOnly_LeavesScaleAlone()
    {
        var accumulator = new CmvnAccumulator(1);
        accumulator.Add(new FeatureMatrix([2f, 6f], 2, 1));

        var cmvn = accumulator.ToCmvn(normalizeVariance: false);

        Assert.Equal(1f, cmvn.InvStd[0]);
        Assert.Equal(4f, cmvn.Mean[0]);
    }

    [Fact]
    public void DimensionMismatch_IsAClearError()
    {
        var cmvn = new Cmvn([0f, 0f, 0f], [1f, 1f, 1f]);
        var accumulator = new CmvnAccumulator(3);

        var applyError = Assert.Throws<ArgumentException>(() => cmvn.Apply(new FeatureMatrix(2, 40)));
        Assert.Contains("3-dimensional", applyError.Message);
        Assert.Contains("40", applyError.Message);
        Assert.Throws<ArgumentException>(() => accumulator.Add(new FeatureMatrix(1, 4)));
        Assert.Throws<ArgumentException>(() => new Cmvn([0f, 0f], [1f]));
        Assert.Throws<ArgumentException>(() => new Cmvn([0f], [0f]));
        Assert.Throws<InvalidOperationException>(() => new CmvnAccumulator(3).ToCmvn());
    }
}
