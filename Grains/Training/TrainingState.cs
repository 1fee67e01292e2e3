namespace AcousticDistill.Grains.Training;

/// <summary>
/// What every model-training grain persists: the request, its phase, the trained artifact's id and a failure message.
/// Never weights: the artifact lives in the model store.
/// </summary>
[GenerateSerializer]
public abstract class TrainingState<TRequest>
    where TRequest : class
{
    /// <summary>The last training request.</summary>
    [Id(0)]
    public TRequest? Request { get; set; }

    /// <summary>Where the model is.</summary>
    [Id(1)]
    public TrainingPhase Phase { get; set; }

    /// <summary>Content address of the trained artifact.</summary>
    [Id(2)]
    public string? ArtifactId { get; set; }

    /// <summary>Failure message.</summary>
    [Id(3)]
    public string? Message { get; set; }
}
