namespace AcousticDistill.Grains.Interfaces.Training;

/// <summary>Where a model that a grain trains (a teacher, a specialist) is in its life.</summary>
[GenerateSerializer]
public enum TrainingPhase
{
    /// <summary>Never trained.</summary>
    NotTrained = 0,

    /// <summary>Training now (restarted from scratch, same seed, if its silo stops).</summary>
    Training = 1,

    /// <summary>Trained; its artifact is in the model store.</summary>
    Trained = 2,

    /// <summary>Training threw; the message says what.</summary>
    Failed = 3,
}
