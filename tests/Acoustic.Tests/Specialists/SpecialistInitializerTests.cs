using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class SpecialistInitializerTests
{
    [Fact]
    public void FromGeneralist_RanksClusterClassesLikeTheGeneralist()
    {
        manual_seed(4);
        using var generalist = new FrameClassifier(Models.TestModels.Tiny(classes: 8));
        generalist.eval();
        int[] cluster = [6, 1, 3];

        using var specialist = SpecialistInitializer.FromGeneralist(generalist, cluster);
        specialist.eval();

        Assert.Equal(4, specialist.Architecture.Classes);
        using var input = randn(50, generalist.Architecture.InputDim);
        using var general = generalist.forward(input);
        using var special = specialist.forward(input);
        using var clusterColumns = tensor(cluster.Select(c => (long)c).ToArray());
        using var generalOnCluster = general.index_select(1, clusterColumns);
        using var specialOnCluster = special.narrow(1, 0, 3);
        Assert.True(generalOnCluster.allclose(specialOnCluster, rtol: 1e-5, atol: 1e-5), "cluster logits differ from the generalist's");
        Assert.Equal(generalOnCluster.argmax(1).data<long>().ToArray(), specialOnCluster.argmax(1).data<long>().ToArray());
    }

    [Fact]
    public void FromGeneralist_DustbinBiasIsLogSumExpOfTheOthers()
    {
        manual_seed(4);
        using var generalist = new FrameClassifier(Models.TestModels.Tiny(classes: 5));
        using var specialist = SpecialistInitializer.FromGeneralist(generalist, [0, 2]);

        var generalBias = generalist.state_dict()["layers.6.bias"].data<float>().ToArray();
        var specialBias = specialist.state_dict()["layers.6.bias"].data<float>().ToArray();
        var expected = Math.Log(new[] { 1, 3, 4 }.Sum(c => Math.Exp(generalBias[c])));
        Assert.Equal(expected, specialBias[2], precision: 5);
        using var generalWeight = generalist.state_dict()["layers.6.weight"];
        using var others = tensor(new long[] { 1, 3, 4 });
        using var meanOfOthers = generalWeight.index_select(0, others).mean([0]);
        Assert.True(specialist.state_dict()["layers.6.weight"][2].allclose(meanOfOthers, atol: 1e-6));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 7 })]
    public void FromGeneralist_BadCluster_IsAClearError(int[] cluster)
    {
        using var generalist = new FrameClassifier(Models.TestModels.Tiny(classes: 5));
        Assert.Throws<ArgumentException>(() => SpecialistInitializer.FromGeneralist(generalist, cluster));
    }
}
