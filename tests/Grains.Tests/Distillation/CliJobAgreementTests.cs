using AcousticDistill.Acoustic.Tests.Cli;

namespace AcousticDistill.Grains.Tests.Distillation;

/// <summary>
/// The CLI and the distillation job train through one use case: from the same corpus, teachers, settings and seed they
/// give the same student, weight for weight.
/// </summary>
public sealed class CliJobAgreementTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Student_FromTheCliAndFromAJob_IsBitIdentical()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = "tones-" + Guid.NewGuid().ToString("N")[..8];
        var student = new TrainingHyperParameters(Seed: 3, Epochs: 2, HiddenLayers: 1, HiddenWidth: 32, Dropout: 0.2, BatchSize: 128,
            LearningRate: 0.05);
        var job = await fixture.StartJobAsync(fixture.Request(family) with { Student = student });
        var status = await JobPolling.FinishedAsync(job);
        Assert.True(status.CandidateId is not null, $"the job trained no student: {status.Outcome} {status.Message}");
        var fromJob = ModelArtifact.Deserialize(await fixture.Store.GetAsync(status.CandidateId!), "job student");

        var path = Path.Combine(fixture.Root, $"cli-student-{Guid.NewGuid():N}.adm");
        var (exitCode, _, stderr) = CliRunner.Run(TimeSpan.FromMinutes(3), "distill",
            "--teachers", fixture.EnsembleDirectory, "--corpus", fixture.CorpusDirectory, "--out", path, "--family", family,
            "--temperature", "2", "--alpha", "0.5", "--seed", "3", "--epochs", "2", "--layers", "1", "--width", "32",
            "--dropout", "0.2", "--batch", "128", "--lr", "0.05", "--threads", "1");
        Assert.True(exitCode == 0, stderr);
        var fromCli = ModelArtifact.Load(path);

        using (fromJob.Model)
        using (fromCli.Model)
        {
            var cliWeights = fromCli.Model.state_dict();
            foreach (var (name, weights) in fromJob.Model.state_dict())
            {
                Assert.Equal(weights.data<float>().ToArray(), cliWeights[name].data<float>().ToArray());
            }
            Assert.Equal(cliWeights.Keys.Order(), fromJob.Model.state_dict().Keys.Order());
        }
        Assert.Equal(fromCli.Metadata.Architecture, fromJob.Metadata.Architecture);
        Assert.Equal(fromCli.Metadata.CmvnMean, fromJob.Metadata.CmvnMean);
        Assert.Equal(fromCli.Metadata.CmvnInvStd, fromJob.Metadata.CmvnInvStd);
        Assert.Equal(fromCli.Metadata.Lineage.Teachers, fromJob.Metadata.Lineage.Teachers);
        Assert.Equal(fromCli.Metadata.Lineage with { Created = default, CodeVersion = "" },
            fromJob.Metadata.Lineage with { Created = default, CodeVersion = "", Teachers = fromCli.Metadata.Lineage.Teachers });
    }
}
