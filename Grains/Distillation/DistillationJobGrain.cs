using System.Diagnostics;
using AcousticDistill.Grains.Distillation.Stages;

namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// A distillation job as a durable stage machine over the <see cref="IDistillationStage"/>s (each a class of its own, its
/// heavy work off the grain scheduler); after each stage the progress is written, so an activation that finds the job
/// running (after a deactivation or on another silo) continues from the next stage.
/// </summary>
public sealed class DistillationJobGrain(
    [PersistentState("job", Constants.StateStorage)] IPersistentState<DistillationJobState> state,
    IEnumerable<IDistillationStage> stages,
    IOptions<ComputeOptions> options,
    AcousticMetrics metrics,
    ILogger<DistillationJobGrain> logger) : Grain, IDistillationJobGrain, IRemindable
{
    private const string KeepAliveReminder = "job-keepalive";

    private static readonly TimeSpan s_keepAlive = TimeSpan.FromMinutes(30);
    private readonly BackgroundWork _work = new();
    private readonly SerializedStateWriter<DistillationJobState> _writer = new(state);

    private DistillationJobState Job => state.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job is { Outcome: DistillationOutcome.Running, Request: not null })
        {
            Job.Resumes++;
            logger.LogInformation("Job {JobId} resumes at stage {Stage} on {Silo}", this.GetPrimaryKey(), Job.NextStage, RuntimeIdentity);
            await KeepAliveAsync();
            _work.Start(RunStagesAsync);
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

    private Task RunStageAsync(DistillationStage stage, CancellationToken cancellationToken)
    {
        var work = Path.Combine(options.Value.WorkDirectory, this.GetPrimaryKey().ToString("N"));
        var runner = stages.SingleOrDefault(s => s.Stage == stage) ?? throw new InvalidOperationException($"No work for stage {stage}.");
        return runner.RunAsync(new DistillationJobContext(this.GetPrimaryKey(), Job, work), cancellationToken);
    }

    private Task WriteAsync() => _writer.WriteAsync();

    // A running job holds a persistent reminder, so that if its silo dies a surviving silo activates (and so resumes) it.
    private Task KeepAliveAsync() => this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.JobKeepAlive, options.Value.JobKeepAlive);

    private async Task StopKeepAliveAsync()
    {
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private DistillationJobStatus Status() => Job.ToStatus(this.GetPrimaryKey(), RuntimeIdentity);
}
