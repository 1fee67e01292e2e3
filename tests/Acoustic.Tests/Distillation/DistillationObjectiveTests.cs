using AcousticDistill.Acoustic.Distillation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Tests.Distillation;

public sealed class DistillationObjectiveTests
{
    private static FrameDataset Frames(int[] labels) =>
        FrameDataset.Create([new float[labels.Length * 2]], [labels], featureDim: 2, context: 0);

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(5.0, 1.0)]
    public void Loss_IsTSquaredKlPlusAlphaCrossEntropy(double temperature, double alpha)
    {
        manual_seed(11);
        using var data = Frames([0, 2, 1, 2]);
        using var teacher = log_softmax(randn(4, 3) * 2, 1);
        using var logits = randn(4, 3);
        var objective = new DistillationObjective(teacher, data, temperature, alpha);

        using var loss = objective.Loss(logits, tensor(new long[] { 0, 1, 2, 3 }));

        // By hand: mean over frames of Σ p (log p − log q_T), times T², plus α × mean cross-entropy at T = 1.
        var p = teacher.exp();
        var logQ = log_softmax(logits / temperature, 1);
        var kl = (p * (teacher - logQ)).sum(1).mean().item<float>();
        var ce = cross_entropy(logits, tensor(new long[] { 0, 2, 1, 2 })).item<float>();
        Assert.Equal(temperature * temperature * kl + alpha * ce, loss.item<float>(), precision: 4);
    }

    [Fact]
    public void Loss_UnlabelledFramesContributeSoftTermOnly()
    {
        manual_seed(12);
        using var data = Frames([SplitFeatures.NoLabel, 1]);
        using var teacher = log_softmax(randn(2, 3), 1);
        using var logits = randn(2, 3);
        var withHard = new DistillationObjective(teacher, data, 2.0, 1.0);
        var softOnly = new DistillationObjective(teacher, data, 2.0, 0.0);

        var combined = withHard.Loss(logits, tensor(new long[] { 0, 1 })).item<float>();
        var soft = softOnly.Loss(logits, tensor(new long[] { 0, 1 })).item<float>();
        var hardOnLabelled = cross_entropy(logits[1..2], tensor(new long[] { 1 })).item<float>();

        Assert.Equal(soft + hardOnLabelled, combined, precision: 4);
        var unlabelledOnly = withHard.Loss(logits[..1], tensor(new long[] { 0 })).item<float>();
        Assert.False(float.IsNaN(unlabelledOnly), "a batch with no labelled frame must not give NaN");
    }

    [Fact]
    public void Constructor_RejectsImpossibleSettings()
    {
        using var data = Frames([0, 1]);
        using var teacher = zeros(2, 3);
        Assert.Throws<ArgumentException>(() => new DistillationObjective(teacher, data, 0, 0.5));
        Assert.Throws<ArgumentException>(() => new DistillationObjective(zeros(3, 3), data, 2, 0.5));
        using var unlabelled = FrameDataset.Create([new float[4]], null, 2, 0);
        var error = Assert.Throws<ArgumentException>(() => new DistillationObjective(teacher, unlabelled, 2, 0.5));
        Assert.Contains("hard labels", error.Message);
    }
}
