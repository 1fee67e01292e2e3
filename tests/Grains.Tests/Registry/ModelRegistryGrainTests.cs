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

    [Fact]
    public async Task Register_ClaimAboveArtifactAccuracy_IsRefused()
    {
        var family = ClusterFixture.NewFamily("fam");
        var id = await fixture.Store.PutAsync(TestArtifacts.Create(family, 0.40));
        var claimed = new ModelVersion(id, family, Lineage(), new ModelMetrics(0.99, null, 1, 1, 0));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(claimed));

        Assert.Matches(@"claims dev frame accuracy 99[.,]00 ?% but its artifact records 40[.,]00 ?%", error.Message);
        Assert.Empty(await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetVersionsAsync());
    }

    [Fact]
    public async Task Register_ClaimWithinTolerance_KeepsTheArtifactAccuracy()
    {
        var family = ClusterFixture.NewFamily("fam");
        var id = await fixture.Store.PutAsync(TestArtifacts.Create(family, 0.40));
        var claimed = new ModelVersion(id, family, Lineage(), new ModelMetrics(0.402, null, 1, 1, 0)); // 0.2 points off, tolerance 0.5

        var registered = await fixture.Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(claimed);

        Assert.Equal(0.40, registered.Metrics.DevFrameAccuracy);
    }

    [Fact]
    public async Task Register_BytesThatAreNoModel_AreRefused()
    {
        var family = ClusterFixture.NewFamily("fam");
        var id = await fixture.Store.PutAsync(Guid.NewGuid().ToByteArray());
        var version = new ModelVersion(id, family, Lineage(), new ModelMetrics(0.5, null, 1, 1, 0));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(version));

        Assert.Contains("not a readable model artifact", error.Message);
    }

    [Fact]
    public async Task Attack_8kModelRegisteredAsEn16kClaiming99Percent_FailsAndServingIsUnchanged()
    {
        // The review's attack, on the configured en-16k family (16000 Hz) of a fresh cluster's registry key: an
        // en-8k artifact registered as en-16k with a 99 % claim, then promoted.
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>("en-16k");
        var servingBefore = await registry.GetServingAsync();
        var eightK = await fixture.Store.PutAsync(TestArtifacts.Create("en-8k", 0.45, sampleRate: 8000));
        var forged = new ModelVersion(eightK, "en-16k", Lineage(), new ModelMetrics(0.99, null, 1, 1, 0));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.RegisterAsync(forged));
        var promotion = await Assert.ThrowsAsync<ArgumentException>(() => registry.PromoteAsync(eightK));

        Assert.Contains("family 'en-8k' (8000 Hz)", error.Message);
        Assert.Contains("'en-16k' (16000 Hz)", error.Message);
        Assert.Contains("is not registered", promotion.Message);
        Assert.Equal(servingBefore?.Id, (await registry.GetServingAsync())?.Id);
        Assert.DoesNotContain(await registry.GetVersionsAsync(), v => v.Id == eightK);
    }

    [Fact]
    public async Task Register_16kArtifactOfAnotherFamilyName_IsRefusedNamingBoth()
    {
        var family = ClusterFixture.NewFamily("fam");
        var id = await fixture.Store.PutAsync(TestArtifacts.Create("other-16k", 0.40));
        var version = new ModelVersion(id, family, Lineage(), new ModelMetrics(0.40, null, 1, 1, 0));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(version));

        Assert.Contains($"family 'other-16k' (16000 Hz); it cannot be registered as '{family}'", error.Message);
    }

    private static ModelLineageInfo Lineage() => new("student", [], "tones", 2, 0.5, 1, "test", DateTimeOffset.UtcNow);
}
