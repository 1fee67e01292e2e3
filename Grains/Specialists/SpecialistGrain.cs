namespace AcousticDistill.Grains.Specialists;

/// <summary>
/// One specialist, trained by <see cref="SpecialistBuilder"/> from a generalist read from the model store (hash-checked);
/// its life is <see cref="ModelTrainingGrain{TRequest, TState}"/>'s, as a teacher's.
/// </summary>
public sealed class SpecialistGrain(
    [PersistentState("specialist", Constants.StateStorage)] IPersistentState<SpecialistState> state,
    SpecialistBuilder builder,
    ComputeBudget compute,
    IModelStore store,
    AcousticMetrics metrics,
    ILogger<SpecialistGrain> logger) : ModelTrainingGrain<SpecialistTrainingRequest, SpecialistState>(state, store, logger), ISpecialistGrain
{
    /// <inheritdoc />
    public async Task<SpecialistStatus> TrainAsync(SpecialistTrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Family);
        ModelId.Validate(request.GeneralistArtifactId);
        await StartAsync(request, cancellationToken);
        return Status();
    }

    /// <inheritdoc />
    public Task<SpecialistStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    /// <inheritdoc />
    protected override async Task<byte[]> TrainModelAsync(SpecialistTrainingRequest request, CancellationToken cancellationToken)
    {
        var generalist = await Store.GetAsync(request.GeneralistArtifactId, cancellationToken);
        var trained = await compute.RunAsync(ct => builder.Train(request, generalist, ct), cancellationToken);
        State.Classes = [.. trained.Classes];
        State.ClusterDevFrameAccuracy = trained.Score.Specialist;
        State.GeneralistClusterDevFrameAccuracy = trained.Score.Generalist;
        State.ClusterDevFrames = trained.Score.Frames;
        metrics.Trained(request.Family, "specialist", trained.FramesPerSecond);
        return trained.Bytes;
    }

    /// <inheritdoc />
    protected override void PublishFigures(string artifactId)
    {
        if (State is { Request: { } request, ClusterDevFrameAccuracy: { } accuracy })
        {
            metrics.SetFrameAccuracy(request.Family, artifactId, "specialist", accuracy);
        }
    }

    private SpecialistStatus Status() => new(
        this.GetPrimaryKeyString(),
        State.Phase,
        State.ArtifactId,
        [.. State.Classes],
        State.ClusterDevFrameAccuracy,
        State.GeneralistClusterDevFrameAccuracy,
        State.ClusterDevFrames,
        State.Message,
        State.Request?.GeneralistArtifactId);
}
