using System.Collections.Concurrent;
using AcousticDistill.Grains.Distillation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AcousticDistill.Grains.Tests.Distillation;

/// <summary>
/// A job whose silo stops mid-training continues on a new silo that shares the state storage and the model store, but not
/// the work folder (as another machine would).
/// </summary>
public sealed class DistillationJobRestartTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly ConcurrentDictionary<string, object> _states = new();

    [Fact]
    public async Task Job_SiloStoppedWhileTraining_ResumesOnNewSiloAndCompletesWithSameStore()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = "tones-" + Guid.NewGuid().ToString("N")[..8];
        var jobId = Guid.NewGuid();

        var first = await StartClusterAsync();
        var job = first.Client.GetGrain<IDistillationJobGrain>(jobId);
        // Enough epochs that training is surely still running when the silo stops (deactivation cancels the stage).
        await job.StartAsync(fixture.Request(family, epochs: 300));
        await JobPolling.UntilAsync(job, s => s.NextStage == DistillationStage.TrainStudent);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await StartClusterAsync(Path.Combine(fixture.Root, "work-" + Guid.NewGuid().ToString("N")));
        try
        {
            var resumed = second.Client.GetGrain<IDistillationJobGrain>(jobId);
            var status = await JobPolling.FinishedAsync(resumed);

            Assert.Equal(DistillationOutcome.Promoted, status.Outcome);
            Assert.True(status.Resumes >= 1, $"resumes {status.Resumes}");
            // The soft targets were computed once, on the first silo; the second read them from the model store.
            var softTargets = Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
            Assert.False(softTargets.Reused);
            var serving = await second.Client.GetGrain<IModelRegistryGrain>(family).GetServingAsync();
            Assert.Equal(status.CandidateId, serving!.Id);
            Assert.Contains(serving.Id, await fixture.Store.ListAsync());
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Job_ResumedAtEvaluateWithCorruptCandidate_FailsAndNothingIsPromoted()
    {
        var family = "tones-" + Guid.NewGuid().ToString("N")[..8];
        var store = fixture.Store;
        var candidate = await store.PutAsync(Guid.NewGuid().ToByteArray().Concat(new byte[64]).ToArray());
        var file = Directory.EnumerateFiles(fixture.StorePath, candidate + ".adm", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[3] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        var cluster = await StartClusterAsync();
        try
        {
            var job = cluster.Client.GetGrain<IDistillationJobGrain>(Guid.NewGuid());
            _states[$"job/{job.GetGrainId()}"] = new DistillationJobState
            {
                Request = fixture.Request(family),
                NextStage = DistillationStage.Evaluate,
                Outcome = DistillationOutcome.Running,
                CandidateId = candidate,
                Metrics = new ModelMetrics(double.NaN, null, 1, bytes.Length, 1),
            };

            var status = await JobPolling.FinishedAsync(job);

            Assert.Equal(DistillationOutcome.Failed, status.Outcome);
            Assert.Contains("corrupt", status.Message);
            Assert.Equal(1, status.Resumes);
            Assert.Null(await cluster.Client.GetGrain<IModelRegistryGrain>(family).GetServingAsync());
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private async Task<InProcessTestCluster> StartClusterAsync(string? workDirectory = null)
    {
        var cluster = ClusterFixture.BuildCluster(fixture.Root, silo => silo.Services.AddGrainStorage(Constants.StateStorage,
            (services, _) => new SurvivingGrainStorage(_states, services.GetRequiredService<DeepCopier>())), workDirectory);
        await cluster.DeployAsync();
        return cluster;
    }
}
