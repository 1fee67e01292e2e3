using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class SpecialistCombinerTests
{
    private static readonly IReadOnlyList<int>[] s_clusters = [[1, 2], [3, 4, 5]];

    [Fact]
    public void Combine_LowersTheObjective_AndNormalises()
    {
        manual_seed(7);
        var combiner = new SpecialistCombiner(s_clusters, 8, new SpecialistCombinerOptions { TopN = 2, Steps = 40 });
        using var generalist = log_softmax(randn(16, 8) * 2, 1);
        using var first = log_softmax(randn(16, 3) * 2, 1);
        using var second = log_softmax(randn(16, 4) * 2, 1);
        Tensor[] specialists = [first, second];

        using var combined = combiner.Combine(generalist, specialists);

        using var weights = combiner.ActiveSpecialists(generalist).to(ScalarType.Float32);
        using var before = combiner.Objective(generalist, generalist, specialists, weights);
        using var after = combiner.Objective(combined, generalist, specialists, weights);
        var active = weights.sum(1).gt(0);
        Assert.True(active.any().item<bool>(), "the test needs frames with an active specialist");
        Assert.True(after.masked_select(active).lt(before.masked_select(active) - 1e-4).all().item<bool>(),
            $"objective did not fall: {before.masked_select(active).sum().item<float>()} → {after.masked_select(active).sum().item<float>()}");
        Assert.True(combined.exp().sum(1).allclose(ones(16), atol: 1e-5));
    }

    [Fact]
    public void Combine_NoActiveSpecialist_KeepsTheGeneralistExactly()
    {
        var combiner = new SpecialistCombiner(s_clusters, 8, new SpecialistCombinerOptions());
        // Top classes 0, 6 and 7 belong to no cluster; the last row's top class 4 activates the second specialist.
        using var generalist = log_softmax(tensor(new float[,]
        {
            { 5, 1, 1, 1, 1, 1, 1, 1 },
            { 1, 2, 1, 1, 1, 1, 6, 1 },
            { 0, 0, 3, 0, 0, 0, 0, 4 },
            { 0, 0, 0, 0, 5, 0, 0, 0 },
        }), 1);
        using var first = log_softmax(randn(4, 3), 1);
        using var second = log_softmax(tensor(new float[,] { { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 9 } }), 1);

        using var combined = combiner.Combine(generalist, [first, second]);

        Assert.True(combined.narrow(0, 0, 3).eq(generalist.narrow(0, 0, 3)).all().item<bool>(), "frames with no active specialist changed");
        // The active specialist puts nearly everything in its dustbin, so q moves mass away from its classes 3–5.
        Assert.True(combined[3, 4].item<float>() < generalist[3, 4].item<float>());
    }

    [Fact]
    public void ActiveSpecialists_FollowTheGeneralistsTopN()
    {
        using var generalist = log_softmax(tensor(new float[,] { { 0, 3, 0, 2, 0, 0, 0, 0 } }), 1);
        var topOne = new SpecialistCombiner(s_clusters, 8, new SpecialistCombinerOptions { TopN = 1 });
        var topTwo = new SpecialistCombiner(s_clusters, 8, new SpecialistCombinerOptions { TopN = 2 });
        Assert.Equal([true, false], topOne.ActiveSpecialists(generalist).data<bool>().ToArray());
        Assert.Equal([true, true], topTwo.ActiveSpecialists(generalist).data<bool>().ToArray());
    }

    [Fact]
    public void Combine_WrongSpecialistShape_IsAClearError()
    {
        var combiner = new SpecialistCombiner(s_clusters, 8, new SpecialistCombinerOptions());
        using var generalist = zeros(2, 8);
        using var wrong = zeros(2, 5);
        var error = Assert.Throws<ArgumentException>(() => combiner.Combine(generalist, [wrong, wrong]));
        Assert.Contains("Specialist 0", error.Message);
    }
}
