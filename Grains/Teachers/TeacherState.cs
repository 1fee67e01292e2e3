namespace AcousticDistill.Grains.Teachers;

/// <summary>Persisted teacher: its training state and the trained artifact's dev accuracy. No weights.</summary>
[GenerateSerializer, Alias("AcousticDistill.TeacherState")]
public sealed class TeacherState : TrainingState<TeacherTrainingRequest>
{
    /// <summary>Best dev frame accuracy of the trained artifact (0–1).</summary>
    [Id(0)]
    public double? DevFrameAccuracy { get; set; }
}
