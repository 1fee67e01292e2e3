using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Training;

public sealed class FrameDatasetTests
{
    [Fact]
    public void Splice_ReplicatesEdgeFramesWithinEachUtterance()
    {
        // Two utterances of 3 and 2 one-dimensional frames: values 1,2,3 and 10,20.
        using var data = FrameDataset.Create([[1f, 2f, 3f], [10f, 20f]], [[0, 1, 2], [3, 4]], featureDim: 1, context: 1);
        using var spliced = data.Splice(tensor(new long[] { 0, 2, 3, 4 }));
        var values = spliced.data<float>().ToArray();
        Assert.Equal(new float[] { 1, 1, 2, /**/ 2, 3, 3, /**/ 10, 10, 20, /**/ 10, 20, 20 }, values);
        Assert.Equal(5, data.Count);
        Assert.Equal([3, 2], data.UtteranceFrames);
    }

    [Fact]
    public void Create_LabelCountMismatch_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => FrameDataset.Create([[1f, 2f]], [[0]], featureDim: 1, context: 0));
        Assert.Contains("2 frames but 1 labels", error.Message);
    }
}
