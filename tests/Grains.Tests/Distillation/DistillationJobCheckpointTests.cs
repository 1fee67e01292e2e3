using System.Collections.Concurrent;
using AcousticDistill.Grains.Distillation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AcousticDistill.Grains.Tests.Distillation;

/// <summary>
/// Each stage's output is durable before the job moves past it: a job resumed where its work folder is empty (as on
/// another silo) picks up what finished stages stored instead of doing their work again. A job's state is written
/// straight into the grain storage to stand for one interrupted at a chosen point, so nothing here depends on timing.
/// </summary>
public sealed class DistillationJobCheckpointTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, object> _states = new();
    private InProcessTestCluster? _cluster;

    private IGrainFactory Grains => _cluster!.Client;

    public async Task InitializeAsync()
    {
        await fixture.EnsureDistillationDataAsync();
        _cluster = ClusterFixture.BuildCluster(fixture.Root, silo => silo.Services.AddGrainStorage(Constants.StateStorage,
            (services, _) => new SurvivingGrainStorage(_states, services.GetRequiredService<DeepCopier>())));
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster!.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Job_ResumedAfterSoftTargetsWithAnEmptyWorkFolder_ReadsThemFromTheStoreAndEndsAsAnUninterruptedJob()
    {
        var (reference, referenceState) = await RunJobAsync(ClusterFixture.NewFamily());

        var (job, jobId) = Interrupted(DistillationStage.TrainStudent, referenceState.SoftTargetsId!);
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(reference.Outcome, status.Outcome);
        Assert.Equal(1, status.Resumes);
        Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
        Assert.Equal(referenceState.SoftTargetsId, StateOf(job).SoftTargetsId);
        // The soft targets came from the store into this job's (empty) work folder; the training stage never computes them.
        Assert.True(File.Exists(Path.Combine(fixture.Root, "work", jobId.ToString("N"), $"soft-targets-{referenceState.SoftTargetsId}.f32")));
        Assert.Equal(reference.DevFrameAccuracy, status.DevFrameAccuracy);
    }

    [Fact]
    public async Task Job_InterruptedAfterSoftTargetsWereStoredButBeforeItMovedOn_SkipsTheStageAndMarksItReused()
    {
        var (reference, referenceState) = await RunJobAsync(ClusterFixture.NewFamily());

        var (job, _) = Interrupted(DistillationStage.CollectSoftTargets, referenceState.SoftTargetsId!);
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(reference.Outcome, status.Outcome);
        var softTargets = Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
        Assert.True(softTargets.Reused);
        Assert.Equal(0, softTargets.Seconds);
        Assert.All(status.Stages.Where(s => s.Stage != DistillationStage.CollectSoftTargets), s => Assert.False(s.Reused));
        Assert.Equal(reference.DevFrameAccuracy, status.DevFrameAccuracy);
    }

    [Fact]
    public async Task Job_RecordedSoftTargetsMissingFromTheStore_ComputesThemAgainAndCompletes()
    {
        var (reference, referenceState) = await RunJobAsync(ClusterFixture.NewFamily());
        var missing = new string('b', 64);

        var (job, _) = Interrupted(DistillationStage.TrainStudent, missing);
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(reference.Outcome, status.Outcome);
        // The recorded (seeded) run, then the run the job went back for.
        Assert.Equal(2, status.Stages.Count(s => s.Stage == DistillationStage.CollectSoftTargets && !s.Reused));
        Assert.Equal(referenceState.SoftTargetsId, StateOf(job).SoftTargetsId);
        Assert.Equal(reference.DevFrameAccuracy, status.DevFrameAccuracy);
    }

    [Fact]
    public async Task Job_RecordedCandidateMissingFromTheStore_TrainsItAgainWithoutComputingSoftTargets()
    {
        var (reference, referenceState) = await RunJobAsync(ClusterFixture.NewFamily());

        var (job, _) = Interrupted(DistillationStage.Evaluate, referenceState.SoftTargetsId!,
            state => state with { CandidateId = new string('c', 64) });
        var status = await JobPolling.FinishedAsync(job);

        Assert.Equal(reference.Outcome, status.Outcome);
        Assert.Single(status.Stages, s => s.Stage == DistillationStage.CollectSoftTargets);
        // The recorded (seeded) run, then the run the job went back for.
        Assert.Equal(2, status.Stages.Count(s => s.Stage == DistillationStage.TrainStudent && !s.Reused));
        Assert.NotEqual(new string('c', 64), status.CandidateId);
        Assert.True(await fixture.Store.ContainsAsync(status.CandidateId!));
    }

    /// <summary>Runs a job for <paramref name="family"/> (nothing serving, so a sound student is promoted) to its end.</summary>
    private async Task<(DistillationJobStatus Status, DistillationJobState State)> RunJobAsync(string family)
    {
        var job = Grains.GetGrain<IDistillationJobGrain>(Guid.NewGuid());
        await job.StartAsync(fixture.Request(family));
        var status = await JobPolling.FinishedAsync(job);
        Assert.True(status.Outcome == DistillationOutcome.Promoted, $"the reference job ended {status.Outcome}: {status.Message}");
        return (status, StateOf(job));
    }

    /// <summary>
    /// A new job (own family, fresh key, so an empty work folder) whose stored state says it was interrupted before
    /// <paramref name="next"/>, with the soft targets <paramref name="softTargetsId"/> recorded as its CollectSoftTargets output;
    /// <paramref name="edit"/> records more. The first call to it activates it, which resumes it.
    /// </summary>
    private (IDistillationJobGrain Job, Guid Id) Interrupted(DistillationStage next, string softTargetsId,
        Func<InterruptedJob, InterruptedJob>? edit = null)
    {
        var id = Guid.NewGuid();
        var job = Grains.GetGrain<IDistillationJobGrain>(id);
        var seeded = new InterruptedJob(next, softTargetsId, CandidateId: null);
        seeded = edit?.Invoke(seeded) ?? seeded;
        var state = new DistillationJobState
        {
            Request = fixture.Request(ClusterFixture.NewFamily()),
            NextStage = seeded.Next,
            Outcome = DistillationOutcome.Running,
            SoftTargetsId = seeded.SoftTargetsId,
            CandidateId = seeded.CandidateId,
            Stages = [.. Enumerable.Range(0, (int)seeded.Next).Select(stage => new StageTiming((DistillationStage)stage, 1.0))],
        };
        if (seeded.CandidateId is not null)
        {
            state.Lineage = new ModelLineageInfo("student", [], "tones", 2.0, 0.5, 3, "test", DateTimeOffset.UtcNow);
            state.Metrics = new ModelMetrics(double.NaN, null, 1, 1, 1);
        }
        _states[StateKey(job)] = state;
        return (job, id);
    }

    private DistillationJobState StateOf(IDistillationJobGrain job) => (DistillationJobState)_states[StateKey(job)];

    private static string StateKey(IDistillationJobGrain job) => $"job/{job.GetGrainId()}";

    /// <summary>Where a seeded job stopped and what its finished stages had recorded.</summary>
    private sealed record InterruptedJob(DistillationStage Next, string SoftTargetsId, string? CandidateId);
}
