using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Training;

public sealed class FrameTrainerTests
{
    [Fact]
    public void Train_LearnsSeparableClasses_AndKeepsBestDevEpoch()
    {
        manual_seed(1);
        using var train = ClusteredFrames.Frames(60, seed: 1);
        using var dev = ClusteredFrames.Frames(15, seed: 2);
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
            using var train = ClusteredFrames.Frames(10, seed: 3);
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
