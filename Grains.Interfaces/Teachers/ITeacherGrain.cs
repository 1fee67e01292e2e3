namespace AcousticDistill.Grains.Interfaces.Teachers;

/// <summary>
/// One ensemble member (key = a name unique in the cluster, e.g. <c>en-16k/teacher-00</c>): trains off the grain
/// scheduler, keeps its artifact in the model store, and reports its id so distillation jobs can use it.
/// </summary>
[Alias("AcousticDistill.ITeacherGrain")]
public interface ITeacherGrain : IGrainWithStringKey
{
    /// <summary>Starts training (a call while training, or once trained with the same request, only returns the status).</summary>
    [Alias("Train")]
    Task<TeacherStatus> TrainAsync(TeacherTrainingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Current phase and artifact.</summary>
    [Alias("GetStatus")]
    Task<TeacherStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
