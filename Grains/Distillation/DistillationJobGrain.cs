using System.Diagnostics;
using AcousticDistill.Grains.Distillation.Stages;

namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// A distillation job as a durable stage machine over the <see cref="IDistillationStage"/>s (each a class of its own, its
/// heavy work off the grain scheduler). Each stage makes its output durable (the model store, the job's state) before the
/// job moves past it, and the progress is written after each stage, so an activation that finds the job running (after a
/// deactivation or on another silo) continues from the next stage: it skips a stage whose output is already recorded and
/// stored (marked reused in the timings), and steps back to run a stage again, with a warning, when the output the next
/// stage needs is missing from the store.
/// </summary>
public sealed class DistillationJobGrain(
    [PersistentState("job", Constants.StateStorage)] IPersistentState<DistillationJobState> state,
    IEnumerable<IDistillationStage> stages,
    IOptions<ComputeOptions> options,
    AcousticMetrics metrics,
    ILogger<DistillationJobGrain> logger) : Grain, IDistillationJobGrain, IRemindable
{
    /// <summary>The reminder a running job holds so that a surviving silo activates (and so resumes) it.</summary>
    public const string KeepAliveReminder = "job-keepalive";

    private static readonly TimeSpan s_keepAlive = TimeSpan.FromMinutes(30);
    private readonly BackgroundWork _work = new();
    private readonly SerializedStateWriter<DistillationJobState> _writer = new(state);
    private Task _keepAliveRenewal = Task.CompletedTask;

    private DistillationJobState Job => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job is { Outcome: DistillationOutcome.Running, Request: not null })
        {
            Job.Resumes++;
            logger.LogInformation("Job {JobId} resumes at stage {Stage} on {Silo}", this.GetPrimaryKey(), Job.NextStage, RuntimeIdentity);
            // The keep-alive reminder registered at the start is still in the reminder table; renewing it is only a repair,
            // so it must not hold up the activation: just after a silo dies, the reminder service that owns this grain's
            // range may still be the dead one, and a status call would wait on it.
            _keepAliveRenewal = RenewKeepAliveAsync();
            _work.Start(RunStagesAsync);
        }
        return Task.CompletedTask;
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
            if (!request.TeacherKeys.IsDefaultOrEmpty && !request.SpecialistKeys.IsDefaultOrEmpty)
            {
                throw new ArgumentException("A job is taught by teacher grains or by specialist grains, not both.", nameof(request));
            }
            Job.Request = request;
            Job.NextStage = DistillationStage.CollectSoftTargets;
            Job.Outcome = DistillationOutcome.Running;
            await WriteAsync();
            await KeepAliveAsync();
            _work.Start(RunStagesAsync);
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

    private async Task RunStagesAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var family = Job.Request!.Family;
        var job = new DistillationJobContext(this.GetPrimaryKey(), Job,
            Path.Combine(options.Value.WorkDirectory, this.GetPrimaryKey().ToString("N")), WriteAsync);
        var stepsBack = 0;
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
                if (stage > DistillationStage.CollectSoftTargets && !await Runner(stage - 1).HasOutputAsync(job, cancellationToken))
                {
                    // A store that loses what it was just given would send the job back and forth for ever.
                    if (++stepsBack > (int)DistillationStage.Done)
                    {
                        throw new InvalidOperationException($"The model store keeps losing the output of {stage - 1}.");
                    }
                    logger.LogWarning("Job {JobId}: the output of {Stage} is not in the model store; running it again", job.JobId, stage - 1);
                    Job.NextStage = stage - 1;
                    continue;
                }
                Job.Stages.Add(await RunOrReuseAsync(Runner(stage), job, cancellationToken));
                Job.NextStage = stage + 1;
                await WriteAsync();
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
        metrics.JobFinished(family, Job.Outcome.ToString().ToLowerInvariant());
        try
        {
            await _keepAliveRenewal; // never throws; awaited so that a late renewal cannot bring the removed reminder back
            await StopKeepAliveAsync();
        }
        catch (Exception ex)
        {
            // The outcome is stored; the reminder's next tick finds the job ended and removes itself (ReceiveReminder).
            logger.LogWarning(ex, "Job {JobId}: could not remove its keep-alive reminder now", this.GetPrimaryKey());
        }
    }

    // A stage whose output is already recorded and stored (it finished, then the job was interrupted before moving on) is not run again.
    private async Task<StageTiming> RunOrReuseAsync(IDistillationStage runner, DistillationJobContext job, CancellationToken cancellationToken)
    {
        if (await runner.HasOutputAsync(job, cancellationToken))
        {
            logger.LogInformation("Job {JobId}: {Stage} reuses its recorded output", job.JobId, runner.Stage);
            return new StageTiming(runner.Stage, 0, Reused: true);
        }
        var clock = Stopwatch.StartNew();
        await runner.RunAsync(job, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        metrics.StageCompleted(job.Request.Family, runner.Stage.ToString(), seconds);
        logger.LogInformation("Job {JobId}: {Stage} done in {Seconds:F2} s", job.JobId, runner.Stage, seconds);
        return new StageTiming(runner.Stage, seconds);
    }

    private IDistillationStage Runner(DistillationStage stage) =>
        stages.SingleOrDefault(s => s.Stage == stage) ?? throw new InvalidOperationException($"No work for stage {stage}.");

    private Task WriteAsync() => _writer.WriteAsync();

    // A running job holds a persistent reminder, so that if its silo dies a surviving silo activates (and so resumes) it.
    private Task KeepAliveAsync() => this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.JobKeepAlive, options.Value.JobKeepAlive);

    private async Task RenewKeepAliveAsync()
    {
        try
        {
            await KeepAliveAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {JobId}: could not renew its keep-alive reminder; the one registered at its start still holds", this.GetPrimaryKey());
        }
    }

    private async Task StopKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private DistillationJobStatus Status() => Job.ToStatus(this.GetPrimaryKey(), RuntimeIdentity);
}
