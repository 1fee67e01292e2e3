using System.Collections.Concurrent;
using AcousticDistill.Grains.Interfaces.Distillation;
using AcousticDistill.Grains.Interfaces.Registry;
using AcousticDistill.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AcousticDistill.Grains.Tests.Distillation;

/// <summary>A job whose silo stops mid-training continues on a new silo that shares the state storage and the model store.</summary>
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
        await job.StartAsync(fixture.Request(family, epochs: 30));
        await JobPolling.UntilAsync(job, s => s.NextStage == DistillationStage.TrainStudent);
        await Task.Delay(200);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await StartClusterAsync();
        try
        {
            var resumed = second.Client.GetGrain<IDistillationJobGrain>(jobId);
            var status = await JobPolling.FinishedAsync(resumed);

            Assert.Equal(DistillationOutcome.Promoted, status.Outcome);
            Assert.True(status.Resumes >= 1, $"resumes {status.Resumes}");
            Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
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

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var cluster = ClusterFixture.BuildCluster(fixture.Root, silo => silo.Services.AddGrainStorage(Constants.StateStorage,
            (services, _) => new SurvivingGrainStorage(_states, services.GetRequiredService<DeepCopier>())));
        await cluster.DeployAsync();
        return cluster;
    }
}
