using AcousticDistill.Grains.Interfaces.Teachers;

namespace AcousticDistill.Grains.Tests.Teachers;

public sealed class TeacherGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private TeacherTrainingRequest Request(string family, int seed) => new(
        family, fixture.CorpusDirectory,
        new TrainingHyperParameters(Seed: seed, Epochs: 3, HiddenLayers: 1, HiddenWidth: 48, Dropout: 0, BatchSize: 128), Context: 2, MelBins: 20);

    private static Task<TeacherStatus> TrainedAsync(ITeacherGrain teacher) =>
        Polling.UntilAsync(() => teacher.GetStatusAsync(), s => s.Phase is TrainingPhase.Trained or TrainingPhase.Failed, s => $"{s.Key} is {s.Phase}", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task Teacher_Train_StoresLoadableArtifactWithDevAccuracy()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>($"{family}/teacher-00");

        await teacher.TrainAsync(Request(family, seed: 5));
        var status = await TrainedAsync(teacher);

        Assert.Equal(TrainingPhase.Trained, status.Phase);
        Assert.InRange(status.DevFrameAccuracy!.Value, 0.05, 1.0);
        var artifact = ModelArtifact.Deserialize(await fixture.Store.GetAsync(status.ArtifactId!));
        artifact.Model.Dispose();
        Assert.Equal("teacher", artifact.Metadata.Lineage.Role);
        Assert.Equal(family, artifact.Metadata.Family);
    }

    [Fact]
    public async Task Job_WithTeacherGrains_DistilsFromTheirArtifactsAndRecordsThemInLineage()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var keys = new[] { $"{family}/teacher-00", $"{family}/teacher-01" };
        var teachers = keys.Select(k => fixture.Grains.GetGrain<ITeacherGrain>(k)).ToArray();
        for (var i = 0; i < teachers.Length; i++)
        {
            await teachers[i].TrainAsync(Request(family, seed: 20 + i));
        }
        var ids = new List<string>();
        foreach (var teacher in teachers)
        {
            ids.Add((await TrainedAsync(teacher)).ArtifactId!);
        }

        var job = await fixture.StartJobAsync(fixture.Request(family) with { TeachersDirectory = "", TeacherKeys = [.. keys] });
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Promoted, status.Outcome);
        var serving = (await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync())!;
        Assert.Equal(ids, serving.Lineage.Teachers);
    }

    [Fact]
    public async Task Job_WithUntrainedTeacher_FailsNamingIt()
    {
        var family = ClusterFixture.NewFamily();

        var job = await fixture.StartJobAsync(fixture.Request(family) with { TeacherKeys = [$"{family}/never-trained"] });
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Failed, status.Outcome);
        Assert.Contains($"{family}/never-trained", status.Message);
        Assert.Contains("not trained", status.Message);
    }
}
