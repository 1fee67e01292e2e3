namespace AcousticDistill.Grains.Tests.Registry;

/// <summary>With in-memory grain state (the embedded default), a restarted silo rebuilds registries from the model store.</summary>
public sealed class ModelRegistryRebuildTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Registry_AfterRestartWithEmptyMemoryState_IsRebuiltFromStoreManifest()
    {
        var family = "fam-" + Guid.NewGuid().ToString("N")[..8];
        var first = ClusterFixture.BuildCluster(fixture.Root, silo => silo.AddMemoryGrainStorage(Constants.StateStorage));
        await first.DeployAsync();
        var registry = first.Client.GetGrain<IModelRegistryGrain>(family);
        var old = await RegisterAsync(registry, family, 0.50);
        await registry.PromoteAsync(old.Id);
        var current = await RegisterAsync(registry, family, 0.60);
        await registry.PromoteAsync(current.Id);
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = ClusterFixture.BuildCluster(fixture.Root, silo => silo.AddMemoryGrainStorage(Constants.StateStorage));
        await second.DeployAsync();
        try
        {
            var rebuilt = second.Client.GetGrain<IModelRegistryGrain>(family);

            Assert.Equal(current.Id, (await rebuilt.GetServingAsync())!.Id);
            Assert.Equal([old.Id, current.Id], (await rebuilt.GetVersionsAsync()).Select(v => v.Id));
            Assert.Equal(old.Id, (await rebuilt.RollbackAsync()).Id);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private async Task<ModelVersion> RegisterAsync(IModelRegistryGrain registry, string family, double accuracy)
    {
        var id = await fixture.Store.PutAsync(TestArtifacts.Create(family, accuracy, role: "student"));
        var lineage = new ModelLineageInfo("student", ["t1", "t2"], "tones", 2, 0.5, 1, "test", DateTimeOffset.UtcNow);
        return await registry.RegisterAsync(new ModelVersion(id, family, lineage, new ModelMetrics(accuracy, 0.4, 100, 16, 1000)));
    }
}
