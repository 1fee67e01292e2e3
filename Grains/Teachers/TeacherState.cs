using AcousticDistill.Grains.Interfaces.Teachers;

namespace AcousticDistill.Grains.Teachers;

/// <summary>Persisted teacher: what it was asked to train, its phase, and its artifact id and dev accuracy. No weights.</summary>
[GenerateSerializer, Alias("AcousticDistill.TeacherState")]
public sealed class TeacherState
{
    /// <summary>The last training request.</summary>
    [Id(0)]
    public TeacherTrainingRequest? Request { get; set; }

    /// <summary>Where the teacher is.</summary>
    [Id(1)]
    public TeacherPhase Phase { get; set; }

    /// <summary>Content address of the trained artifact.</summary>
    [Id(2)]
    public string? ArtifactId { get; set; }

    /// <summary>Best dev frame accuracy of the trained artifact (0–1).</summary>
    [Id(3)]
    public double? DevFrameAccuracy { get; set; }

    /// <summary>Failure message.</summary>
    [Id(4)]
    public string? Message { get; set; }
}
