namespace AcousticDistill.Grains.Scheduling;

/// <summary>
/// Re-distils one family on a persistent reminder. The grain is not reentrant, so triggers are handled one at a
/// time: a trigger that finds the family's job still running joins it instead of starting a second one. Asking a
/// job for its status also activates it, which resumes a job interrupted by a silo stop.
/// </summary>
public sealed class DistillationSchedulerGrain(
    [PersistentState("scheduler", Constants.StateStorage)] IPersistentState<DistillationSchedulerState> state,
    ILogger<DistillationSchedulerGrain> logger) : Grain, IDistillationSchedulerGrain, IRemindable
{
    private string Family => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<SchedulerStatus> ConfigureAsync(DistillationSchedule schedule, CancellationToken cancellationToken = default)
    {
        if (schedule.Job.Family != Family)
        {
            throw new ArgumentException($"The schedule's job is for family '{schedule.Job.Family}', not '{Family}'.");
        }
        if (schedule.Period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The re-distillation period must be positive, got {schedule.Period}.");
        }
        state.State.Schedule = schedule;
        await state.WriteStateAsync(cancellationToken);
        await this.RegisterOrUpdateReminder(Constants.RedistillReminder, schedule.Period, schedule.Period);
        logger.LogInformation("Family {Family}: re-distillation every {Period}", Family, schedule.Period);
        return Status();
    }

    /// <inheritdoc />
    public async Task<Guid> TriggerAsync(string reason, CancellationToken cancellationToken = default)
    {
        var schedule = state.State.Schedule
            ?? throw new InvalidOperationException($"Family '{Family}' has no distillation schedule; configure one first.");
        state.State.LastTriggerReason = reason;
        state.State.LastTriggered = DateTimeOffset.UtcNow;
        if (state.State.ActiveJobId is { } running)
        {
            var status = await GrainFactory.GetGrain<IDistillationJobGrain>(running).GetStatusAsync(cancellationToken);
            if (!status.IsFinished)
            {
                state.State.TriggersCoalesced++;
                await state.WriteStateAsync(cancellationToken);
                return running;
            }
        }
        var jobId = Guid.NewGuid();
        state.State.ActiveJobId = jobId;
        state.State.JobsStarted++;
        await state.WriteStateAsync(cancellationToken);
        var request = state.State.CorpusDirectory is { } corpus ? schedule.Job with { CorpusDirectory = corpus } : schedule.Job;
        await GrainFactory.GetGrain<IDistillationJobGrain>(jobId).StartAsync(request, cancellationToken);
        logger.LogInformation("Family {Family}: started job {JobId} ({Reason})", Family, jobId, reason);
        return jobId;
    }

    /// <inheritdoc />
    public async Task<Guid?> NewDataAsync(CorpusSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        state.State.CorpusDirectory = snapshot.Directory;
        await state.WriteStateAsync(cancellationToken);
        return state.State.Schedule is null ? null : await TriggerAsync($"new data: {snapshot.Name}", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SchedulerStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (await this.GetReminder(Constants.RedistillReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Constants.RedistillReminder)
        {
            return;
        }
        try
        {
            await TriggerAsync("reminder");
        }
        catch (Exception ex)
        {
            // A failed tick must not cancel the reminder; the next tick tries again.
            logger.LogError(ex, "Family {Family}: scheduled re-distillation could not start", Family);
        }
    }

    private SchedulerStatus Status() => new(
        Family,
        state.State.Schedule,
        state.State.ActiveJobId,
        state.State.JobsStarted,
        state.State.TriggersCoalesced,
        state.State.LastTriggerReason,
        state.State.LastTriggered,
        state.State.CorpusDirectory);
}
