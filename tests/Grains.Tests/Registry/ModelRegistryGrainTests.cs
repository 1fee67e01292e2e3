namespace AcousticDistill.Grains.Tests.Registry;

public sealed class ModelRegistryGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Promote_FirstVersion_Serves()
    {
        var family = ClusterFixture.NewFamily("fam");
        var version = await fixture.RegisterVersionAsync(family, 0.40);
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);

        var decision = await registry.PromoteAsync(version.Id);

        Assert.True(decision.Promoted);
        Assert.Equal(version.Id, (await registry.GetServingAsync())!.Id);
        Assert.Equal(ModelVersionStatus.Serving, (await registry.GetServingAsync())!.Status);
    }

    [Fact]
    public async Task Promote_WorseCandidate_IsRejectedWithReasonAndServingUnchanged()
    {
        var family = ClusterFixture.NewFamily("fam");
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var serving = await fixture.ServeVersionAsync(family, 0.50);
        var worse = await fixture.RegisterVersionAsync(family, 0.497, role: "student"); // 0.3 points worse, tolerance 0.2

        var decision = await registry.PromoteAsync(worse.Id);

        Assert.False(decision.Promoted);
        Assert.Contains("below serving", decision.Reason);
        Assert.Equal(serving.Id, (await registry.GetServingAsync())!.Id);
        var kept = (await registry.GetVersionsAsync()).Single(v => v.Id == worse.Id);
        Assert.Equal(ModelVersionStatus.Rejected, kept.Status);
        Assert.Equal(decision.Reason, kept.StatusReason);
    }

    [Fact]
    public async Task Promote_CandidateWithinTolerance_IsPromoted()
    {
        var family = ClusterFixture.NewFamily("fam");
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var serving = await fixture.ServeVersionAsync(family, 0.50);
        var close = await fixture.RegisterVersionAsync(family, 0.499, role: "student"); // 0.1 points worse

        var decision = await registry.PromoteAsync(close.Id);

        Assert.True(decision.Promoted);
        Assert.Equal(close.Id, (await registry.GetServingAsync())!.Id);
        Assert.Equal(ModelVersionStatus.Retired, (await registry.GetVersionsAsync()).Single(v => v.Id == serving.Id).Status);
    }

    [Fact]
    public async Task Rollback_AfterPromotion_RestoresPreviousVersion()
    {
        var family = ClusterFixture.NewFamily("fam");
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var first = await fixture.ServeVersionAsync(family, 0.50);
        var second = await fixture.ServeVersionAsync(family, 0.60);

        var restored = await registry.RollbackAsync();

        Assert.Equal(first.Id, restored.Id);
        Assert.Equal(first.Id, (await registry.GetServingAsync())!.Id);
        Assert.Equal("rolled back", (await registry.GetVersionsAsync()).Single(v => v.Id == second.Id).StatusReason);
    }

    [Fact]
    public async Task Rollback_WithoutEarlierVersion_FailsClearly()
    {
        var family = ClusterFixture.NewFamily("fam");
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var only = await fixture.ServeVersionAsync(family, 0.50);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAsync());

        Assert.Contains("no earlier serving version", error.Message);
    }

    [Fact]
    public async Task Register_VersionWithoutArtifactInStore_IsRefused()
    {
        var family = ClusterFixture.NewFamily("fam");
        var lineage = new ModelLineageInfo("student", [], "tones", 2, 0.5, 1, "test", DateTimeOffset.UtcNow);
        var missing = new ModelVersion(new string('0', 64), family, lineage, new ModelMetrics(0.9, null, 1, 1, 0));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(missing));

        Assert.Contains("no artifact in the model store", error.Message);
    }
}
