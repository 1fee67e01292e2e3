using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Specialists;
using AcousticDistill.Grains.Interfaces.Teachers;
using AcousticDistill.Grains.Metrics;
using AcousticDistill.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace AcousticDistill.Grains.Specialists;

/// <summary>
/// One specialist, as <see cref="Teachers.TeacherGrain"/> is one ensemble member: the generalist is read from the model
/// store (hash-checked), training runs through <see cref="ComputeBudget"/>, the artifact goes to the store and only its id,
/// cluster and figures are kept in state. A specialist found training at activation trains again (same seeds).
/// </summary>
public sealed class SpecialistGrain(
    [PersistentState("specialist", Constants.StateStorage)] IPersistentState<SpecialistState> state,
    SpecialistBuilder builder,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    ILogger<SpecialistGrain> logger) : Grain, ISpecialistGrain
{
    private readonly BackgroundWork _work = new();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { Phase: TeacherPhase.Training, Request: not null })
        {
            StartTraining();
        }
        else if (state.State is { Phase: TeacherPhase.Trained, Request: { } request, ArtifactId: { } id, ClusterDevFrameAccuracy: { } accuracy })
        {
            metrics.SetFrameAccuracy(request.Family, id, "specialist", accuracy);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _work.StopAsync();
    }

    /// <inheritdoc />
    public async Task<SpecialistStatus> TrainAsync(SpecialistTrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Family);
        ModelId.Validate(request.GeneralistArtifactId);
        var busy = state.State.Phase == TeacherPhase.Training;
        var done = state.State.Phase == TeacherPhase.Trained && state.State.Request == request;
        if (!busy && !done)
        {
            state.State = new SpecialistState { Request = request, Phase = TeacherPhase.Training };
            await state.WriteStateAsync(cancellationToken);
            StartTraining();
        }
        return Status();
    }

    /// <inheritdoc />
    public Task<SpecialistStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    private void StartTraining()
    {
        _work.Start(ct => RunTrainingAsync(state.State.Request!, ct));
    }

    private async Task RunTrainingAsync(SpecialistTrainingRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            DelayDeactivation(TimeSpan.FromMinutes(30));
            var generalist = await store.GetAsync(request.GeneralistArtifactId, cancellationToken);
            var trained = await compute.RunAsync(ct => builder.Train(request, generalist, ct), cancellationToken);
            state.State.ArtifactId = await store.PutAsync(trained.Bytes, cancellationToken);
            state.State.Classes = [.. trained.Classes];
            state.State.ClusterDevFrameAccuracy = trained.ClusterDevFrameAccuracy;
            state.State.GeneralistClusterDevFrameAccuracy = trained.GeneralistClusterDevFrameAccuracy;
            state.State.ClusterDevFrames = trained.ClusterDevFrames;
            state.State.Phase = TeacherPhase.Trained;
            metrics.SetFrameAccuracy(request.Family, state.State.ArtifactId, "specialist", trained.ClusterDevFrameAccuracy);
            metrics.Trained(request.Family, "specialist", trained.FramesPerSecond);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // deactivating: stays Training, trains again at the next activation
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Specialist {Key} failed to train", this.GetPrimaryKeyString());
            state.State.Phase = TeacherPhase.Failed;
            state.State.Message = ex.Message;
        }
        await state.WriteStateAsync();
    }

    private SpecialistStatus Status() => new(
        this.GetPrimaryKeyString(),
        state.State.Phase,
        state.State.ArtifactId,
        [.. state.State.Classes],
        state.State.ClusterDevFrameAccuracy,
        state.State.GeneralistClusterDevFrameAccuracy,
        state.State.ClusterDevFrames,
        state.State.Message);
}
