namespace AcousticDistill.Grains.Interfaces.Teachers;

/// <summary>Where a teacher is in its life.</summary>
[GenerateSerializer]
public enum TeacherPhase
{
    /// <summary>Never trained.</summary>
    NotTrained = 0,

    /// <summary>Training now (restarted from scratch if its silo stops).</summary>
    Training = 1,

    /// <summary>Trained; its artifact is in the model store.</summary>
    Trained = 2,

    /// <summary>Training threw; the message says what.</summary>
    Failed = 3,
}
