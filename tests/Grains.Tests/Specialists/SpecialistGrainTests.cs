using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Specialists;
using AcousticDistill.Grains.Interfaces.Specialists;
using AcousticDistill.Grains.Interfaces.Teachers;

namespace AcousticDistill.Grains.Tests.Specialists;

public sealed class SpecialistGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>Puts the tiny ensemble's first member into the store as the generalist; returns its id.</summary>
    private async Task<string> StoreGeneralistAsync()
    {
        await fixture.EnsureDistillationDataAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(fixture.EnsembleDirectory, EnsembleDirectory.MemberFileName(0)));
        return await fixture.Store.PutAsync(bytes);
    }

    private SpecialistTrainingRequest Request(string family, string generalistId, int clusterIndex) => new(
        family, fixture.CorpusDirectory, generalistId, clusterIndex, new TrainingHyperParameters(Seed: 1, Epochs: 2, BatchSize: 128),
        Clusters: 2, Restarts: 2);

    /// <summary>Trains the request's specialist (key <c>{family}/specialist-NN</c>) and waits until it is trained or has failed.</summary>
    private async Task<SpecialistStatus> TrainAsync(SpecialistTrainingRequest request)
    {
        var specialist = fixture.Grains.GetGrain<ISpecialistGrain>($"{request.Family}/specialist-{request.ClusterIndex:D2}");
        await specialist.TrainAsync(request);
        return await Polling.UntilAsync(() => specialist.GetStatusAsync(), s => s.Phase is TrainingPhase.Trained or TrainingPhase.Failed,
            s => $"{s.Key} is {s.Phase}", TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Specialist_Train_StoresSpecialistArtifactWithClusterAccuracyAndGauge()
    {
        var generalistId = await StoreGeneralistAsync();
        var family = ClusterFixture.NewFamily();

        var status = await TrainAsync(Request(family, generalistId, clusterIndex: 0));

        Assert.True(status.Phase == TrainingPhase.Trained, status.Message);
        Assert.NotEmpty(status.Classes);
        Assert.True(status.ClusterDevFrames > 0);
        Assert.InRange(status.ClusterDevFrameAccuracy!.Value, 0.0, 1.0);
        Assert.InRange(status.GeneralistClusterDevFrameAccuracy!.Value, 0.0, 1.0);
        var artifact = ModelArtifact.Deserialize(await fixture.Store.GetAsync(status.ArtifactId!));
        using var loaded = Specialist.FromArtifact(artifact);
        Assert.Equal(status.Classes, loaded.Classes);
        Assert.Equal("specialist", artifact.Metadata.Lineage.Role);
        Assert.Equal([generalistId], artifact.Metadata.Lineage.Teachers);
        var gauge = Assert.Single(FrameAccuracyGauge.Read(family));
        Assert.Equal(("specialist", status.ArtifactId, status.ClusterDevFrameAccuracy!.Value), (gauge.Role, gauge.Version, gauge.Accuracy));
    }

    [Fact]
    public async Task Specialist_ClassesAbsentFromCorpus_AreInNoCluster_SoTheSecondClusterTrainsToo()
    {
        // The tone corpus uses 5 phones (15 non-silence classes). The 102 classes the generalist never sees on it are
        // left out of clustering (they once formed a cluster of their own, whose specialist had nothing to learn), so
        // with 2 clusters the second one holds seen classes and trains.
        var generalistId = await StoreGeneralistAsync();
        var family = ClusterFixture.NewFamily();

        var status = await TrainAsync(Request(family, generalistId, clusterIndex: 1) with { Training = new TrainingHyperParameters(Seed: 1, Epochs: 1, BatchSize: 128) });

        Assert.Equal(TrainingPhase.Trained, status.Phase);
        Assert.InRange(status.Classes.Length, 1, 14);
        Assert.True(status.ClusterDevFrames > 0);
    }

    [Fact]
    public async Task Specialist_WithGeneralistMissingFromStore_FailsNamingIt()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var missing = new string('a', 64);

        var status = await TrainAsync(Request(family, missing, clusterIndex: 0));

        Assert.Equal(TrainingPhase.Failed, status.Phase);
        Assert.Contains(missing, status.Message);
        Assert.Null(status.ArtifactId);
    }

    [Fact]
    public async Task Specialist_WithClusterIndexOutsideClusters_FailsSayingSo()
    {
        var generalistId = await StoreGeneralistAsync();
        var family = ClusterFixture.NewFamily();

        var status = await TrainAsync(Request(family, generalistId, clusterIndex: 5));

        Assert.Equal(TrainingPhase.Failed, status.Phase);
        Assert.Contains("Cluster index 5 is outside the 2 clusters", status.Message);
    }
}
