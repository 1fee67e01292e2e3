using System.Diagnostics;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Grains.Distillation;
using AcousticDistill.Grains.Transcription;
using Orleans.Core.Internal;
using Xunit.Abstractions;

namespace AcousticDistill.Grains.Tests.Distillation;

public sealed class DistillationJobGrainTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Job_AllStages_PromotesStudentOverWeakerServingVersion()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var weak = await fixture.ServeVersionAsync(family);

        var job = await fixture.StartJobAsync(fixture.Request(family));
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Promoted, status.Outcome);
        // Four stages read the corpus; each split was extracted once, into the job's feature cache.
        var splits = CorpusManifest.Load(fixture.CorpusDirectory).Utterances.Select(u => u.Split).Distinct().Count();
        Assert.Equal(splits, Directory.GetFiles(Path.Combine(fixture.Root, "work", job.GetPrimaryKey().ToString("N"), "features")).Length);
        Assert.Equal(DistillationStage.Done, status.NextStage);
        Assert.Equal(4, status.Stages.Length);
        Assert.InRange(status.DevFrameAccuracy!.Value, 0.05, 1.0);
        var serving = (await registry.GetServingAsync())!;
        Assert.Equal(status.CandidateId, serving.Id);
        Assert.Equal("student", serving.Lineage.Role);
        Assert.Equal(2, serving.Lineage.Teachers.Length);
        Assert.Equal(await fixture.Store.GetAsync(serving.Id) is { Length: > 0 } bytes ? bytes.Length : 0, serving.Metrics.SizeBytes);
        var priors = ModelArtifact.Deserialize(await fixture.Store.GetAsync(serving.Id)).Metadata.Priors;
        Assert.NotNull(priors);
        Assert.True(priors.Frames > 0, "the student's decoding priors, inside its artifact, are counted on the transfer corpus");
        foreach (var teacher in serving.Lineage.Teachers)
        {
            Assert.True(await fixture.Store.ContainsAsync(teacher), $"teacher {teacher} of the student is in the model store");
        }
        output.WriteLine(string.Join(", ", status.Stages.Select(s => $"{s.Stage} {s.Seconds:F2} s")) + $"; dev {status.DevFrameAccuracy:P2}");
    }

    [Fact]
    public async Task Job_Evaluate_ReportsStudentAndEnsembleFrameAccuracyGauges()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();

        var job = await fixture.StartJobAsync(fixture.Request(family, epochs: 1));
        var status = await JobPolling.FinishedAsync(job);

        var readings = FrameAccuracyGauge.Read(family);
        var ensemble = Assert.Single(readings, r => r.Role == "ensemble");
        Assert.Equal(EnsembleVersion.Of(Acoustic.Distillation.EnsembleDirectory.MemberHashes(fixture.EnsembleDirectory)), ensemble.Version);
        Assert.InRange(ensemble.Accuracy, 0.05, 1.0);
        var student = Assert.Single(readings, r => r.Role == "student");
        Assert.Equal(status.CandidateId, student.Version);
        Assert.Equal(status.DevFrameAccuracy, student.Accuracy);
    }

    [Fact]
    public async Task Job_DeactivatedWhileTraining_ResumesFromLastCompletedStage_HoldsItsKeepAliveUntilItEnds()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        // Enough epochs that training is surely still running when the grain deactivates (30 were sometimes done first).
        var job = await fixture.StartJobAsync(fixture.Request(family, epochs: 300));
        await JobPolling.UntilAsync(job, s => s.NextStage == DistillationStage.TrainStudent);
        // The reminder that activates (and so resumes) the job on a surviving silo if its own dies.
        Assert.NotNull(await fixture.Reminders.ReadRow(job.GetGrainId(), DistillationJobGrain.KeepAliveReminder));

        // The next call waits for the deactivation to finish and activates the grain again, which resumes the job.
        await job.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Promoted, status.Outcome);
        Assert.True(status.Resumes >= 1, $"resumes {status.Resumes}");
        Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
        Assert.Single(status.Stages, s => s.Stage == DistillationStage.TrainStudent);
        // The outcome is stored before the reminder is removed: wait for the removal, which follows at once.
        await Polling.UntilAsync(() => fixture.Reminders.ReadRow(job.GetGrainId(), DistillationJobGrain.KeepAliveReminder), r => r is null,
            r => $"the ended job still holds {r?.ReminderName}", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Job_CancelledWhileTraining_EndsCancelledWithoutCandidate()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var job = await fixture.StartJobAsync(fixture.Request(family, epochs: 100_000));
        await JobPolling.UntilAsync(job, s => s.NextStage == DistillationStage.TrainStudent);

        await job.CancelAsync();
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Cancelled, status.Outcome);
        Assert.Null(status.CandidateId);
        Assert.Null(await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync());
    }

    [Fact]
    public async Task Registry_CalledWhileJobTrains_StaysResponsive()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        await fixture.ServeVersionAsync(family);
        // So many epochs that training lasts until the test cancels it: with 150 the job once finished after 16 calls.
        var job = await fixture.StartJobAsync(fixture.Request(family, epochs: 100_000));
        await JobPolling.UntilAsync(job, s => s.NextStage == DistillationStage.TrainStudent);

        var latencies = new List<double>();
        var deadline = Stopwatch.StartNew();
        while (latencies.Count < 100 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var clock = Stopwatch.StartNew();
            await registry.GetServingAsync();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(5);
        }
        var stillTraining = (await job.GetStatusAsync()).NextStage == DistillationStage.TrainStudent;
        await job.CancelAsync();
        await JobPolling.FinishedAsync(job);

        Assert.True(stillTraining, "the job stopped training before the calls were done");
        Assert.Equal(100, latencies.Count);
        latencies.Sort();
        var p50 = latencies[50];
        output.WriteLine($"registry calls during training: {latencies.Count}, p50 {p50:F2} ms, p99 {latencies[98]:F2} ms, max {latencies[^1]:F2} ms");
        // A registry blocked behind training would not answer until training ends (never, here, before the cancel), so
        // bounds far above normal latency prove the point without failing on a busy CI machine; latency targets belong
        // in benchmarks.
        Assert.True(p50 < 200, $"p50 {p50:F1} ms");
        Assert.True(latencies[^1] < 2000, $"max {latencies[^1]:F1} ms");
    }

    [Fact]
    public async Task Job_MissingCorpus_FailsWithMessageNamingIt()
    {
        var family = ClusterFixture.NewFamily();
        var job = fixture.Grains.GetGrain<IDistillationJobGrain>(Guid.NewGuid());
        var missing = Path.Combine(fixture.Root, "no-such-corpus");

        await job.StartAsync(fixture.Request(family) with { CorpusDirectory = missing, TeachersDirectory = missing });
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(DistillationOutcome.Failed, status.Outcome);
        Assert.StartsWith("CollectSoftTargets failed", status.Message);
        Assert.Contains("no-such-corpus", status.Message);
    }
}
