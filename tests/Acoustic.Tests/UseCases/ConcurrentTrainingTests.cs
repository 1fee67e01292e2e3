using AcousticDistill.Acoustic.UseCases;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.UseCases;

/// <summary>
/// Seeds belong to a training run, not to the process: runs that train at the same time in one process (two jobs on a
/// silo) give exactly the models they give alone, whatever else draws from torch's global generator meanwhile.
/// </summary>
public sealed class ConcurrentTrainingTests
{
    private static PreparedCorpus Corpus() => PreparedCorpus.Create("clusters", ClusteredFrames.Split(24, seed: 1),
        ClusteredFrames.Split(6, seed: 2), new FbankOptions { NumMelBins = 4 }, context: 1);

    private static TeacherTrainingOptions Options(int seed) => new(new NetworkShape(2, 24, Dropout: 0.3),
        new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = seed, LearningRate = 0.05 }, "test");

    private static Dictionary<string, float[]> TrainAlone(PreparedCorpus data, int seed)
    {
        using var trained = TeacherTraining.Train(data, Options(seed));
        return trained.Model.state_dict().ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());
    }

    [Fact]
    public async Task Train_ConcurrentRunsWithSeeds_GiveTheModelsTheyGiveAlone()
    {
        // One torch thread, a silo's default (Compute:TorchThreads), so the runs do not depend on how a busy machine
        // schedules a thread pool.
        TorchRuntime.SetThreads(1);
        using var data = Corpus();
        var alone = new[] { TrainAlone(data, 4), TrainAlone(data, 5) };

        using var stop = new CancellationTokenSource();
        // Something else in the process keeps reseeding and drawing from torch's global generator meanwhile.
        var noise = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                manual_seed(1000 + i);
                using var draw = rand(64);
            }
        });
        var together = await Task.WhenAll(
            Task.Run(() => TrainAlone(data, 4)),
            Task.Run(() => TrainAlone(data, 5)),
            Task.Run(() => TrainAlone(data, 4)));
        await stop.CancelAsync();
        await noise;

        foreach (var (run, expected) in new[] { (together[0], alone[0]), (together[1], alone[1]), (together[2], alone[0]) })
        {
            Assert.Equal(expected.Keys, run.Keys);
            foreach (var (name, weights) in expected)
            {
                Assert.Equal(weights, run[name]);
            }
        }
        Assert.NotEqual(alone[0]["layers.0.weight"], alone[1]["layers.0.weight"]);
    }

    [Fact]
    public void Train_DropoutMasks_ComeFromTheRunSeed()
    {
        using var data = Corpus();
        var first = TrainAlone(data, 7);
        manual_seed(12345); // the global generator's state must not matter
        var second = TrainAlone(data, 7);
        Assert.Equal(first["layers.6.weight"], second["layers.6.weight"]);
    }
}
