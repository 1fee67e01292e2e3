namespace AcousticDistill.Grains.Teachers;

/// <summary>One ensemble member, trained on hard labels by <see cref="TeacherTrainer"/>; its life is <see cref="ModelTrainingGrain{TRequest, TState}"/>'s.</summary>
public sealed class TeacherGrain(
    [PersistentState("teacher", Constants.StateStorage)] IPersistentState<TeacherState> state,
    TeacherTrainer trainer,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    ILogger<TeacherGrain> logger) : ModelTrainingGrain<TeacherTrainingRequest, TeacherState>(state, store, logger), ITeacherGrain
{
    /// <inheritdoc />
    public async Task<TeacherStatus> TrainAsync(TeacherTrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Family);
        await StartAsync(request, cancellationToken);
        return Status();
    }

    /// <inheritdoc />
    public Task<TeacherStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    /// <inheritdoc />
    protected override async Task<byte[]> TrainModelAsync(TeacherTrainingRequest request, CancellationToken cancellationToken)
    {
        var trained = await compute.RunAsync(ct => trainer.Train(request, ct), cancellationToken);
        State.DevFrameAccuracy = trained.DevFrameAccuracy;
        metrics.Trained(request.Family, "teacher", trained.FramesPerSecond);
        return trained.Bytes;
    }

    /// <inheritdoc />
    protected override void PublishFigures(string artifactId)
    {
        if (State is { Request: { } request, DevFrameAccuracy: { } accuracy })
        {
            metrics.SetFrameAccuracy(request.Family, artifactId, "teacher", accuracy);
        }
    }

    private TeacherStatus Status() => new(this.GetPrimaryKeyString(), State.Phase, State.ArtifactId, State.DevFrameAccuracy, State.Message);
}
