using AcousticDistill.Grains.Interfaces.Corpora;

namespace AcousticDistill.Grains.Tests.Scheduling;

public sealed class CorpusGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Corpus_NewSnapshot_WakesSchedulerWhoseJobDistilsOnIt()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var scheduler = fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family);
        var stale = Path.Combine(fixture.Root, "corpus-that-is-gone");
        await scheduler.ConfigureAsync(new DistillationSchedule(TimeSpan.FromHours(1), fixture.Request(family) with { CorpusDirectory = stale }));

        var snapshot = await fixture.Grains.GetGrain<ICorpusGrain>(family).RegisterSnapshotAsync(fixture.CorpusDirectory);
        var status = await scheduler.GetStatusAsync();
        var job = await JobPolling.FinishedAsync(fixture.Grains.GetGrain<IDistillationJobGrain>(status.ActiveJobId!.Value));
        await scheduler.StopAsync();

        Assert.Equal("tones", snapshot.Name);
        Assert.Equal("new data: tones", status.LastTriggerReason);
        Assert.Equal(snapshot.Directory, status.CorpusDirectory);
        Assert.Equal(DistillationOutcome.Promoted, job.Outcome);
        Assert.Equal(job.CandidateId, (await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync())!.Id);
    }

    [Fact]
    public async Task Corpus_FolderWithoutManifest_IsRefusedAndSchedulerNotWoken()
    {
        var family = ClusterFixture.NewFamily();
        var empty = Directory.CreateDirectory(Path.Combine(fixture.Root, "empty-" + family)).FullName;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            fixture.Grains.GetGrain<ICorpusGrain>(family).RegisterSnapshotAsync(empty));

        Assert.Contains("not a corpus", error.Message);
        Assert.Empty(await fixture.Grains.GetGrain<ICorpusGrain>(family).GetSnapshotsAsync());
        Assert.Null((await fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family).GetStatusAsync()).LastTriggered);
    }

    [Fact]
    public async Task Corpus_SnapshotBeforeSchedule_IsKeptAndUsedOnceConfigured()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();

        await fixture.Grains.GetGrain<ICorpusGrain>(family).RegisterSnapshotAsync(fixture.CorpusDirectory);
        var status = await fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family).GetStatusAsync();

        Assert.Single(await fixture.Grains.GetGrain<ICorpusGrain>(family).GetSnapshotsAsync());
        Assert.Null(status.ActiveJobId);
        Assert.Equal(Path.GetFullPath(fixture.CorpusDirectory), status.CorpusDirectory);
    }
}
