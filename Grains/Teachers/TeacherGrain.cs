using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Teachers;
using AcousticDistill.Grains.Metrics;
using AcousticDistill.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace AcousticDistill.Grains.Teachers;

/// <summary>
/// One ensemble member. Training runs through <see cref="ComputeBudget"/>; the artifact goes to the model store and
/// only its id and accuracy are kept in state. A teacher found training at activation trains again (same seed).
/// </summary>
public sealed class TeacherGrain(
    [PersistentState("teacher", Constants.StateStorage)] IPersistentState<TeacherState> state,
    TeacherTrainer trainer,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    ILogger<TeacherGrain> logger) : Grain, ITeacherGrain
{
    private readonly BackgroundWork _work = new();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { Phase: TeacherPhase.Training, Request: not null })
        {
            StartTraining();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _work.StopAsync();
    }

    /// <inheritdoc />
    public async Task<TeacherStatus> TrainAsync(TeacherTrainingRequest request, CancellationToken cancellationToken = default)
    {
        var busy = state.State.Phase == TeacherPhase.Training;
        var done = state.State.Phase == TeacherPhase.Trained && state.State.Request == request;
        if (!busy && !done)
        {
            state.State.Request = request;
            state.State.Phase = TeacherPhase.Training;
            state.State.Message = null;
            await state.WriteStateAsync(cancellationToken);
            StartTraining();
        }
        return Status();
    }

    /// <inheritdoc />
    public Task<TeacherStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    private void StartTraining()
    {
        _work.Start(ct => RunTrainingAsync(state.State.Request!, ct));
    }

    private async Task RunTrainingAsync(TeacherTrainingRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            DelayDeactivation(TimeSpan.FromMinutes(30));
            var trained = await compute.RunAsync(ct => trainer.Train(request, ct), cancellationToken);
            state.State.ArtifactId = await store.PutAsync(trained.Bytes, cancellationToken);
            state.State.DevFrameAccuracy = trained.DevFrameAccuracy;
            state.State.Phase = TeacherPhase.Trained;
            metrics.SetFrameAccuracy(request.Family, state.State.ArtifactId, "teacher", trained.DevFrameAccuracy);
            metrics.Trained(request.Family, "teacher", trained.FramesPerSecond);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // deactivating: stays Training, trains again at the next activation
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Teacher {Key} failed to train", this.GetPrimaryKeyString());
            state.State.Phase = TeacherPhase.Failed;
            state.State.Message = ex.Message;
        }
        await state.WriteStateAsync();
    }

    private TeacherStatus Status() => new(
        this.GetPrimaryKeyString(), state.State.Phase, state.State.ArtifactId, state.State.DevFrameAccuracy, state.State.Message);
}
