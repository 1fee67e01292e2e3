namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class FrameSplicerTests
{
    [Fact]
    public void Splice_ContextOne_ReplicatesEdgeFramesLikeKaldi()
    {
        // Three frames of dim 2: (0,1), (10,11), (20,21).
        var features = new FeatureMatrix([0, 1, 10, 11, 20, 21], 3, 2);

        var spliced = new FrameSplicer(1).Splice(features);

        Assert.Equal(3, spliced.Frames);
        Assert.Equal(6, spliced.Dim);
        Assert.Equal([0f, 1, 0, 1, 10, 11], spliced.Row(0).ToArray());
        Assert.Equal([0f, 1, 10, 11, 20, 21], spliced.Row(1).ToArray());
        Assert.Equal([10f, 11, 20, 21, 20, 21], spliced.Row(2).ToArray());
    }

    [Fact]
    public void Splice_ContextFiveOnFortyBins_Gives440Dims_AndCentreIsTheFrameItself()
    {
        var random = new Random(1);
        var data = new float[7 * 40];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble();
        }
        var features = new FeatureMatrix(data, 7, 40);
        var splicer = new FrameSplicer(5);

        var spliced = splicer.Splice(features);

        Assert.Equal(440, splicer.OutputDim(40));
        Assert.Equal(440, spliced.Dim);
        for (var t = 0; t < 7; t++)
        {
            Assert.Equal(features.Row(t).ToArray(), spliced.Row(t).Slice(5 * 40, 40).ToArray());
            Assert.Equal(features.Row(Math.Min(t + 5, 6)).ToArray(), spliced.Row(t).Slice(10 * 40, 40).ToArray());
            Assert.Equal(features.Row(Math.Max(t - 5, 0)).ToArray(), spliced.Row(t).Slice(0, 40).ToArray());
        }
    }

    [Fact]
    public void Splice_SingleFrameAndZeroContext_Work()
    {
        var one = new FeatureMatrix([1f, 2f], 1, 2);

        Assert.Equal([1f, 2, 1, 2, 1, 2], new FrameSplicer(1).Splice(one).Data);
        Assert.Equal([1f, 2], new FrameSplicer(0).Splice(one).Data);
        Assert.Equal(0, new FrameSplicer(3).Splice(new FeatureMatrix(0, 2)).Frames);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameSplicer(-1));
    }

    [Fact]
    public void WriteNeighbours_ListsEachRowsFramesInOrder_OffsetByTheUtterancesFirstRow()
    {
        var neighbours = new long[3 * 5];

        new FrameSplicer(2).WriteNeighbours(3, first: 100, neighbours);

        // Three frames, context 2: rows read frames t-2 … t+2, held inside 0 … 2.
        Assert.Equal([100L, 100, 100, 101, 102, /**/ 100, 100, 101, 102, 102, /**/ 100, 101, 102, 102, 102], neighbours);
        Assert.Throws<ArgumentException>(() => new FrameSplicer(2).WriteNeighbours(4, 0, neighbours));
    }
}
