namespace AcousticDistill.Grains.Training;

/// <summary>
/// The life of a grain that trains one model (a teacher, a specialist): a request starts training unless the same one is
/// trained or any is training; training runs in the background (its heavy part through <see cref="ComputeBudget"/>), the
/// artifact goes to the model store and only its id and figures stay in state. A grain found training at activation
/// trains again with the same request (same seeds, same model).
/// </summary>
public abstract class ModelTrainingGrain<TRequest, TState>(IPersistentState<TState> state, IModelStore store, ILogger logger) : Grain
    where TRequest : class
    where TState : TrainingState<TRequest>, new()
{
    private static readonly TimeSpan s_trainingKeepAlive = TimeSpan.FromMinutes(30);
    private readonly BackgroundWork _work = new();

    /// <summary>The persisted state.</summary>
    protected TState State => state.State;

    /// <summary>Where trained artifacts (and the models they learn from) are kept.</summary>
    protected IModelStore Store => store;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State is { Phase: TrainingPhase.Training, Request: not null })
        {
            StartTraining();
        }
        else if (State is { Phase: TrainingPhase.Trained, ArtifactId: { } id })
        {
            PublishFigures(id);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _work.StopAsync();
    }

    /// <summary>Starts training <paramref name="request"/> unless it is trained already or some training is running.</summary>
    protected async Task StartAsync(TRequest request, CancellationToken cancellationToken)
    {
        var busy = State.Phase == TrainingPhase.Training;
        var done = State.Phase == TrainingPhase.Trained && Equals(State.Request, request);
        if (!busy && !done)
        {
            state.State = new TState { Request = request, Phase = TrainingPhase.Training };
            await state.WriteStateAsync(cancellationToken);
            StartTraining();
        }
    }

    /// <summary>
    /// Trains the model of <paramref name="request"/> and returns its artifact bytes; records its figures in
    /// <see cref="State"/>. Heavy work goes through the compute budget.
    /// </summary>
    protected abstract Task<byte[]> TrainModelAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>Publishes the trained model's figures as metrics (once stored as <paramref name="artifactId"/>, and at every activation after).</summary>
    protected abstract void PublishFigures(string artifactId);

    private void StartTraining()
    {
        _work.Start(ct => RunTrainingAsync(State.Request!, ct));
    }

    private async Task RunTrainingAsync(TRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            DelayDeactivation(s_trainingKeepAlive);
            var bytes = await TrainModelAsync(request, cancellationToken);
            State.ArtifactId = await store.PutAsync(bytes, cancellationToken);
            State.Phase = TrainingPhase.Trained;
            PublishFigures(State.ArtifactId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // deactivating: stays Training, trains again at the next activation
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Grain} {Key} failed to train", GetType().Name, this.GetPrimaryKeyString());
            State.Phase = TrainingPhase.Failed;
            State.Message = ex.Message;
        }
        await state.WriteStateAsync();
    }
}
