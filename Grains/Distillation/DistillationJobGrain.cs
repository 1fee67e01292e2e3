using System.Collections.Immutable;
using System.Diagnostics;
using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Distillation;
using AcousticDistill.Grains.Interfaces.Registry;
using AcousticDistill.Grains.Interfaces.Teachers;
using AcousticDistill.Grains.Metrics;
using AcousticDistill.Grains.Storage;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// A distillation job as a durable stage machine. Each stage's heavy work runs through <see cref="ComputeBudget"/>
/// (off the grain scheduler); after each stage the progress is written, so an activation that finds the job
/// running (after a deactivation or on another silo) continues from the next stage.
/// </summary>
public sealed class DistillationJobGrain(
    [PersistentState("job", Constants.StateStorage)] IPersistentState<DistillationJobState> state,
    DistillationStageRunner runner,
    ComputeBudget compute,
    IModelStore store,
    IOptions<ComputeOptions> options,
    AcousticMetrics metrics,
    ILogger<DistillationJobGrain> logger) : Grain, IDistillationJobGrain, IRemindable
{
    private const string KeepAliveReminder = "job-keepalive";

    private static readonly TimeSpan s_keepAlive = TimeSpan.FromMinutes(30);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly BackgroundWork _work = new();

    private DistillationJobState Job => state.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job is { Outcome: DistillationOutcome.Running, Request: not null })
        {
            Job.Resumes++;
            logger.LogInformation("Job {JobId} resumes at stage {Stage} on {Silo}", this.GetPrimaryKey(), Job.NextStage, RuntimeIdentity);
            await KeepAliveAsync();
            StartLoop();
        }
    }

    /// <summary>The keep-alive reminder's only work is to activate the job, which resumes it (see <see cref="OnActivateAsync"/>).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == KeepAliveReminder && Job.Outcome != DistillationOutcome.Running)
        {
            await StopKeepAliveAsync();
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop the current stage; the job stays Running in storage and resumes at its next activation.
        await _work.StopAsync();
    }

    /// <inheritdoc />
    public async Task<DistillationJobStatus> StartAsync(DistillationJobRequest request, CancellationToken cancellationToken = default)
    {
        if (Job.Request is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(request.Family);
            Job.Request = request;
            Job.NextStage = DistillationStage.CollectSoftTargets;
            Job.Outcome = DistillationOutcome.Running;
            await WriteAsync();
            await KeepAliveAsync();
            StartLoop();
        }
        return Status();
    }

    /// <inheritdoc />
    public Task<DistillationJobStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<DistillationJobStatus> CancelAsync(CancellationToken cancellationToken = default)
    {
        if (Job.Outcome == DistillationOutcome.Running && !Job.CancelRequested)
        {
            Job.CancelRequested = true;
            await WriteAsync();
            await _work.CancelAsync();
        }
        return Status();
    }

    private void StartLoop()
    {
        _work.Start(RunStagesAsync);
    }

    private async Task RunStagesAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var family = Job.Request!.Family;
        try
        {
            while (Job.NextStage != DistillationStage.Done)
            {
                if (Job.CancelRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                DelayDeactivation(s_keepAlive);
                var stage = Job.NextStage;
                var clock = Stopwatch.StartNew();
                await RunStageAsync(stage, cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                Job.Stages.Add(new StageTiming(stage, seconds));
                Job.NextStage = stage + 1;
                await WriteAsync();
                metrics.StageCompleted(family, stage.ToString(), seconds);
                logger.LogInformation("Job {JobId}: {Stage} done in {Seconds:F2} s", this.GetPrimaryKey(), stage, seconds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || Job.CancelRequested)
        {
            if (!Job.CancelRequested)
            {
                return; // deactivation: leave the job running in storage
            }
            Job.Outcome = DistillationOutcome.Cancelled;
            Job.Message = $"cancelled before {Job.NextStage}";
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} failed in {Stage}", this.GetPrimaryKey(), Job.NextStage);
            Job.Outcome = DistillationOutcome.Failed;
            Job.Message = $"{Job.NextStage} failed: {ex.Message}";
        }
        await WriteAsync();
        await StopKeepAliveAsync();
        metrics.JobFinished(family, Job.Outcome.ToString().ToLowerInvariant());
    }

    private async Task RunStageAsync(DistillationStage stage, CancellationToken cancellationToken)
    {
        var request = Job.Request!;
        var work = Path.Combine(options.Value.WorkDirectory, this.GetPrimaryKey().ToString("N"));
        switch (stage)
        {
            case DistillationStage.CollectSoftTargets:
                var teaching = await WithTeachersAsync(request, work, cancellationToken);
                await compute.RunAsync(ct => runner.CollectSoftTargets(teaching, work, ct), cancellationToken);
                break;
            case DistillationStage.TrainStudent:
                var taught = await WithTeachersAsync(request, work, cancellationToken);
                var student = await compute.RunAsync(ct => runner.TrainStudent(taught, work, ct), cancellationToken);
                Job.CandidateId = await store.PutAsync(student.Bytes, cancellationToken);
                // The teachers go to the store too, so the student's lineage resolves there (live ensemble agreement).
                foreach (var member in Acoustic.Distillation.EnsembleDirectory.MemberFiles(taught.TeachersDirectory))
                {
                    await store.PutAsync(await File.ReadAllBytesAsync(member, cancellationToken), cancellationToken);
                }
                Job.Lineage = RegistryRecords.Lineage(student.Lineage);
                Job.Metrics = new ModelMetrics(double.NaN, null, student.Parameters, student.Bytes.Length, student.FramesPerSecond);
                metrics.Trained(request.Family, "student", student.FramesPerSecond);
                break;
            case DistillationStage.Evaluate:
                var bytes = await store.GetAsync(Job.CandidateId!, cancellationToken);
                var scores = await compute.RunAsync(ct => runner.Evaluate(request, bytes, ct), cancellationToken);
                Job.Metrics = Job.Metrics! with { DevFrameAccuracy = scores.DevFrameAccuracy, TestFrameAccuracy = scores.TestFrameAccuracy };
                var teachers = await WithTeachersAsync(request, work, cancellationToken);
                Job.EnsembleDevFrameAccuracy = await compute.RunAsync(ct => runner.EvaluateTeachers(teachers, ct), cancellationToken);
                Job.EnsembleVersion = EnsembleVersion.Of(Acoustic.Distillation.EnsembleDirectory.MemberHashes(teachers.TeachersDirectory));
                metrics.SetFrameAccuracy(request.Family, Job.EnsembleVersion, "ensemble", Job.EnsembleDevFrameAccuracy.Value);
                break;
            case DistillationStage.Decide:
                var registry = GrainFactory.GetGrain<IModelRegistryGrain>(request.Family);
                await registry.RegisterAsync(new ModelVersion(Job.CandidateId!, request.Family, Job.Lineage!, Job.Metrics!), cancellationToken);
                var decision = await registry.PromoteAsync(Job.CandidateId!, cancellationToken);
                Job.Outcome = decision.Promoted ? DistillationOutcome.Promoted : DistillationOutcome.Rejected;
                Job.Message = decision.Reason;
                break;
            default:
                throw new InvalidOperationException($"No work for stage {stage}.");
        }
    }

    /// <summary>
    /// The request with its teachers as an ensemble folder: unchanged when it names a folder, else the teacher grains'
    /// artifacts (ids resolved once and kept in state) written from the model store into the job's work folder.
    /// </summary>
    private async Task<DistillationJobRequest> WithTeachersAsync(DistillationJobRequest request, string work, CancellationToken cancellationToken)
    {
        if (request.TeacherKeys.IsDefaultOrEmpty)
        {
            return request;
        }
        if (Job.TeacherArtifactIds is null)
        {
            var ids = new List<string>();
            foreach (var key in request.TeacherKeys)
            {
                var teacher = await GrainFactory.GetGrain<ITeacherGrain>(key).GetStatusAsync(cancellationToken);
                ids.Add(teacher is { Phase: TeacherPhase.Trained, ArtifactId: { } id }
                    ? id
                    : throw new InvalidOperationException($"Teacher '{key}' is not trained (it is {teacher.Phase}{(teacher.Message is null ? "" : ": " + teacher.Message)})."));
            }
            Job.TeacherArtifactIds = ids;
        }
        var directory = Path.Combine(work, "ensemble");
        await EnsembleMaterializer.WriteAsync(store, Job.TeacherArtifactIds, directory, cancellationToken);
        return request with { TeachersDirectory = directory };
    }

    private async Task WriteAsync()
    {
        // The stage loop and Cancel can both write; storage wants one write at a time.
        await _writeLock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // A running job holds a persistent reminder, so that if its silo dies a surviving silo activates (and so resumes) it.
    private Task KeepAliveAsync() => this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.JobKeepAlive, options.Value.JobKeepAlive);

    private async Task StopKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private DistillationJobStatus Status() => new(
        this.GetPrimaryKey(),
        Job.Request?.Family,
        Job.NextStage,
        Job.Outcome,
        Job.CandidateId,
        Job.Metrics is { DevFrameAccuracy: var dev } && !double.IsNaN(dev) ? dev : null,
        Job.Message,
        Job.Stages.ToImmutableArray(),
        Job.Resumes,
        RuntimeIdentity);
}
