using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Grains.Distillation;
using AcousticDistill.Grains.Interfaces.Specialists;

namespace AcousticDistill.Grains.Tests.Distillation;

/// <summary>Specialist grains teach a distillation job: the soft targets come from their generalist refined by them.</summary>
public sealed class SpecialistTeachersJobTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Job_TaughtBySpecialists_CompletesAndItsStudentsLineageNamesTheGeneralistAndThem()
    {
        var family = ClusterFixture.NewFamily();
        var (generalist, specialists) = await TrainSpecialistsAsync(family, clusters: 2);

        var job = await fixture.StartJobAsync(fixture.Request(family) with
        {
            TeachersDirectory = "",
            SpecialistKeys = [.. specialists.Select(s => s.Key)],
        });
        var status = await JobPolling.FinishedAsync(job);

        Assert.True(status.Outcome == DistillationOutcome.Promoted, $"{status.Outcome}: {status.Message}");
        Assert.InRange(status.DevFrameAccuracy!.Value, 0.05, 1.0);
        var serving = (await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync())!;
        Assert.Equal(status.CandidateId, serving.Id);
        string[] teachers = [generalist, .. specialists.Select(s => s.ArtifactId!)];
        Assert.Equal(teachers, serving.Lineage.Teachers);
        var student = ModelArtifact.Deserialize(await fixture.Store.GetAsync(serving.Id));
        using (student.Model)
        {
            Assert.Equal(teachers, student.Metadata.Lineage.Teachers);
            Assert.Equal("student", student.Metadata.Lineage.Role);
        }
        // The teaching combination was scored in the Evaluate stage under its members' ensemble version.
        var ensemble = Assert.Single(FrameAccuracyGauge.Read(family), r => r.Role == "ensemble");
        Assert.Equal(EnsembleVersion.Of(teachers), ensemble.Version);
    }

    [Fact]
    public async Task Job_SpecialistNotTrained_FailsNamingIt()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var key = $"{family}/specialist-00";

        var job = await fixture.StartJobAsync(fixture.Request(family) with { SpecialistKeys = [key] });
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Failed, status.Outcome);
        Assert.StartsWith("CollectSoftTargets failed", status.Message);
        Assert.Contains($"Specialist '{key}' is not trained", status.Message);
    }

    [Fact]
    public async Task Job_NamingTeacherGrainsAndSpecialists_IsRefusedAtStart()
    {
        var family = ClusterFixture.NewFamily();
        var job = fixture.Grains.GetGrain<IDistillationJobGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            job.StartAsync(fixture.Request(family) with { TeacherKeys = ["t"], SpecialistKeys = ["s"] }));

        Assert.Contains("not both", error.Message);
        Assert.Equal(DistillationOutcome.NotStarted, (await job.GetStatusAsync()).Outcome);
    }

    /// <summary>Stores the tiny ensemble's first member as the generalist and trains one specialist grain per cluster over it.</summary>
    private async Task<(string Generalist, IReadOnlyList<SpecialistStatus> Specialists)> TrainSpecialistsAsync(string family, int clusters)
    {
        await fixture.EnsureDistillationDataAsync();
        var generalist = await fixture.Store.PutAsync(
            await File.ReadAllBytesAsync(Path.Combine(fixture.EnsembleDirectory, EnsembleDirectory.MemberFileName(0))));
        var specialists = new List<SpecialistStatus>();
        for (var cluster = 0; cluster < clusters; cluster++)
        {
            var specialist = fixture.Grains.GetGrain<ISpecialistGrain>($"{family}/specialist-{cluster:D2}");
            await specialist.TrainAsync(new SpecialistTrainingRequest(family, fixture.CorpusDirectory, generalist, cluster,
                new TrainingHyperParameters(Seed: 1, Epochs: 2, BatchSize: 128), Clusters: clusters, Restarts: 2));
            var status = await Polling.UntilAsync(() => specialist.GetStatusAsync(), s => s.Phase is TrainingPhase.Trained or TrainingPhase.Failed,
                s => $"{s.Key} is {s.Phase}", TimeSpan.FromMinutes(2));
            Assert.True(status.Phase == TrainingPhase.Trained, status.Message);
            Assert.Equal(generalist, status.GeneralistArtifactId);
            specialists.Add(status);
        }
        return (generalist, specialists);
    }
}
