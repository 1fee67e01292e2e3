namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// The job's teachers as an ensemble folder the library can load: the request's folder, or — when the request names teacher
/// grains — their artifacts (ids resolved once and kept in the job's state) written from the model store into the job's
/// work folder.
/// </summary>
public sealed class JobTeachers(IGrainFactory grains, IModelStore store)
{
    /// <summary>The folder of <paramref name="job"/>'s teaching ensemble.</summary>
    public async Task<string> DirectoryAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        if (request.TeacherKeys.IsDefaultOrEmpty)
        {
            return request.TeachersDirectory;
        }
        if (job.State.TeacherArtifactIds is null)
        {
            var ids = new List<string>();
            foreach (var key in request.TeacherKeys)
            {
                var teacher = await grains.GetGrain<ITeacherGrain>(key).GetStatusAsync(cancellationToken);
                ids.Add(teacher is { Phase: TrainingPhase.Trained, ArtifactId: { } id }
                    ? id
                    : throw new InvalidOperationException($"Teacher '{key}' is not trained (it is {teacher.Phase}{(teacher.Message is null ? "" : ": " + teacher.Message)})."));
            }
            job.State.TeacherArtifactIds = ids;
        }
        var directory = Path.Combine(job.WorkDirectory, "ensemble");
        await EnsembleMaterializer.WriteAsync(store, job.State.TeacherArtifactIds, directory, cancellationToken);
        return directory;
    }
}
