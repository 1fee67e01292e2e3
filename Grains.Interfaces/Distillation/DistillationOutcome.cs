namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>How a distillation job ended (or that it has not).</summary>
[GenerateSerializer]
public enum DistillationOutcome
{
    /// <summary>Never started.</summary>
    NotStarted = 0,

    /// <summary>Started and not finished.</summary>
    Running = 1,

    /// <summary>The student now serves.</summary>
    Promoted = 2,

    /// <summary>The student was kept, marked rejected by the promotion guard.</summary>
    Rejected = 3,

    /// <summary>A stage threw; the message says what.</summary>
    Failed = 4,

    /// <summary>Cancelled on request.</summary>
    Cancelled = 5,
}
