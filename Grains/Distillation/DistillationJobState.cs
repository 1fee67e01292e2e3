namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// Persisted progress of a distillation job: the request, the next stage, and what completed stages produced (large
/// outputs as ids of what they put in the model store, so any silo can pick them up).
/// </summary>
[GenerateSerializer, Alias("AcousticDistill.DistillationJobState")]
public sealed class DistillationJobState
{
    /// <summary>What the job does; null until started.</summary>
    [Id(0)]
    public DistillationJobRequest? Request { get; set; }

    /// <summary>The stage to run next.</summary>
    [Id(1)]
    public DistillationStage NextStage { get; set; }

    /// <summary>Outcome so far.</summary>
    [Id(2)]
    public DistillationOutcome Outcome { get; set; }

    /// <summary>Content address of the student, once trained and stored (with its teachers) in the model store.</summary>
    [Id(3)]
    public string? CandidateId { get; set; }

    /// <summary>Lineage of the student, once trained.</summary>
    [Id(4)]
    public ModelLineageInfo? Lineage { get; set; }

    /// <summary>Figures of the student (training figures first, accuracies after evaluation).</summary>
    [Id(5)]
    public ModelMetrics? Metrics { get; set; }

    /// <summary>Reason of the outcome or of a failure.</summary>
    [Id(6)]
    public string? Message { get; set; }

    /// <summary>Wall time of each completed stage.</summary>
    [Id(7)]
    public List<StageTiming> Stages { get; set; } = [];

    /// <summary>Times the job continued after an interruption.</summary>
    [Id(8)]
    public int Resumes { get; set; }

    /// <summary>True once cancellation was asked for (so a stop by deactivation is told apart from a cancel).</summary>
    [Id(9)]
    public bool CancelRequested { get; set; }

    /// <summary>Artifact ids of the teacher grains named in the request, resolved once by the first stage.</summary>
    [Id(10)]
    public List<string>? TeacherArtifactIds { get; set; }

    /// <summary>The teaching ensemble's content id (see <see cref="EnsembleVersion"/>) once the Evaluate stage scored it.</summary>
    [Id(11)]
    public string? EnsembleVersion { get; set; }

    /// <summary>The teaching ensemble's dev frame accuracy (0–1, members averaged in probability at T = 1).</summary>
    [Id(12)]
    public double? EnsembleDevFrameAccuracy { get; set; }

    /// <summary>
    /// Model-store blob id of the soft targets (float32, train frames × classes) once the CollectSoftTargets stage stored
    /// them: later stages, on any silo, read them from there instead of computing them again.
    /// </summary>
    [Id(13)]
    public string? SoftTargetsId { get; set; }

    /// <summary>Artifact id of the generalist of the specialists named in the request, resolved once by the first stage.</summary>
    [Id(14)]
    public string? GeneralistArtifactId { get; set; }

    /// <summary>Artifact ids of the specialist grains named in the request, in request order, resolved once by the first stage.</summary>
    [Id(15)]
    public List<string>? SpecialistArtifactIds { get; set; }

    /// <summary>What callers see of job <paramref name="jobId"/>, run by <paramref name="silo"/>.</summary>
    public DistillationJobStatus ToStatus(Guid jobId, string silo) => new(
        jobId,
        Request?.Family,
        NextStage,
        Outcome,
        CandidateId,
        Metrics is { DevFrameAccuracy: var dev } && !double.IsNaN(dev) ? dev : null,
        Message,
        [.. Stages],
        Resumes,
        silo);
}
