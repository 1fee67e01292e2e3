namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>The stages of a distillation job, in order; a job records the next one to run.</summary>
[GenerateSerializer]
public enum DistillationStage
{
    /// <summary>The ensemble's soft targets at temperature T over the transfer set.</summary>
    CollectSoftTargets = 0,

    /// <summary>The student trained on soft targets (plus α × hard labels); its artifact stored.</summary>
    TrainStudent = 1,

    /// <summary>The stored student scored on the dev (and test) split.</summary>
    Evaluate = 2,

    /// <summary>Registered and offered to the registry's promotion guard.</summary>
    Decide = 3,

    /// <summary>Nothing left to run.</summary>
    Done = 4,
}
