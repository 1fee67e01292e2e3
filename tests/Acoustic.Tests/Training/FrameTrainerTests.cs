using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Training;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Training;

public sealed class FrameTrainerTests
{
    /// <summary>Utterances whose frames are noisy copies of a per-class prototype: learnable, not trivial.</summary>
    private static FrameDataset Clusters(int utterances, int seed, int classes = 6, int dim = 4)
    {
        var random = new Random(seed);
        var prototypes = Enumerable.Range(0, classes)
            .Select(c => Enumerable.Range(0, dim).Select(d => (float)Math.Sin(c * 1.7 + d * 0.9) * 2).ToArray()).ToArray();
        var features = new List<float[]>();
        var labels = new List<int[]>();
        for (var u = 0; u < utterances; u++)
        {
            var n = 20 + random.Next(20);
            var frame = new float[n * dim];
            var label = new int[n];
            for (var t = 0; t < n; t++)
            {
                label[t] = (t / 5 + u) % classes;
                for (var d = 0; d < dim; d++)
                {
                    frame[t * dim + d] = prototypes[label[t]][d] + (float)(random.NextDouble() - 0.5) * 1.5f;
                }
            }
            features.Add(frame);
            labels.Add(label);
        }
        return FrameDataset.Create(features, labels, dim, context: 1);
    }

    [Fact]
    public void Train_LearnsSeparableClasses_AndKeepsBestDevEpoch()
    {
        manual_seed(1);
        using var train = Clusters(60, seed: 1);
        using var dev = Clusters(15, seed: 2);
        using var model = new FrameClassifier(Models.TestModels.Tiny());
        var before = FrameTrainer.Evaluate(model, dev);

        var options = new TrainingOptions { Epochs = 4, BatchSize = 32, LearningRate = 0.05, Seed = 1 };
        var report = new FrameTrainer(options).Train(model, train, new HardLabelObjective(train), dev);

        var after = FrameTrainer.Evaluate(model, dev);
        Assert.True(after > 0.9, $"dev accuracy {after:P1} after training (was {before:P1})");
        Assert.Equal(4, report.Epochs.Count);
        Assert.Equal(report.Epochs.Max(e => e.DevFrameAccuracy), report.BestDevFrameAccuracy);
        Assert.Equal(after, report.BestDevFrameAccuracy, precision: 6);
        Assert.True(report.FramesPerSecond > 0);
    }

    [Fact]
    public void Train_SameSeed_GivesSameWeights()
    {
        float[] TrainOnce()
        {
            manual_seed(5);
            using var train = Clusters(10, seed: 3);
            using var model = new FrameClassifier(Models.TestModels.Tiny());
            new FrameTrainer(new TrainingOptions { Epochs = 1, BatchSize = 16, Seed = 9, Schedule = "constant" })
                .Train(model, train, new HardLabelObjective(train), dev: null);
            return model.state_dict()["layers.6.weight"].data<float>().ToArray();
        }
        Assert.Equal(TrainOnce(), TrainOnce());
    }

    [Theory]
    [InlineData("rmsprop", "optimizer")]
    [InlineData("sgd", "schedule", "sometimes")]
    public void Options_Invalid_AreRejectedClearly(string optimizer, string expectedWord, string schedule = "constant")
    {
        var options = new TrainingOptions { Optimizer = optimizer, Schedule = schedule };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(expectedWord, error.Message);
    }

    [Fact]
    public void Options_CudaWithoutGpu_IsAClearError()
    {
        if (cuda.is_available())
        {
            return; // Only meaningful where there is no GPU (CI); on a GPU machine 'cuda' is valid.
        }
        var error = Assert.Throws<ArgumentException>(new TrainingOptions { Device = "cuda" }.Validate);
        Assert.Contains("no CUDA", error.Message);
    }
}
