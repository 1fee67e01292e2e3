namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// The job's teachers as a folder the library can load: a specialist set when the request names specialist grains (their
/// generalist and them), an ensemble of the teacher grains it names, or else the request's ensemble folder. Grain-named
/// teachers are resolved to artifact ids once (kept in the job's state) and written from the model store into the job's
/// work folder, so any silo can rebuild the folder.
/// </summary>
public sealed class JobTeachers(IGrainFactory grains, IModelStore store)
{
    /// <summary>The folder of <paramref name="job"/>'s teachers.</summary>
    public async Task<TeacherFolder> FolderAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        if (!request.SpecialistKeys.IsDefaultOrEmpty)
        {
            return await SpecialistsAsync(job, cancellationToken);
        }
        if (request.TeacherKeys.IsDefaultOrEmpty)
        {
            return new TeacherFolder(request.TeachersDirectory, TeacherFolderKind.Ensemble);
        }
        if (job.State.TeacherArtifactIds is null)
        {
            var ids = new List<string>();
            foreach (var key in request.TeacherKeys)
            {
                var teacher = await grains.GetGrain<ITeacherGrain>(key).GetStatusAsync(cancellationToken);
                ids.Add(teacher is { Phase: TrainingPhase.Trained, ArtifactId: { } id }
                    ? id
                    : throw NotTrained("Teacher", key, teacher.Phase, teacher.Message));
            }
            job.State.TeacherArtifactIds = ids;
        }
        var directory = Path.Combine(job.WorkDirectory, "ensemble");
        await EnsembleMaterializer.WriteAsync(store, job.State.TeacherArtifactIds, directory, cancellationToken);
        return new TeacherFolder(directory, TeacherFolderKind.Ensemble);
    }

    private async Task<TeacherFolder> SpecialistsAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var keys = job.Request.SpecialistKeys;
        if (job.State is not { GeneralistArtifactId: not null, SpecialistArtifactIds: not null })
        {
            var ids = new List<string>();
            string? generalist = null;
            foreach (var key in keys)
            {
                var specialist = await grains.GetGrain<ISpecialistGrain>(key).GetStatusAsync(cancellationToken);
                if (specialist is not { Phase: TrainingPhase.Trained, ArtifactId: { } id, GeneralistArtifactId: { } over })
                {
                    throw NotTrained("Specialist", key, specialist.Phase, specialist.Message);
                }
                if (generalist is not null && over != generalist)
                {
                    throw new InvalidOperationException(
                        $"Specialist '{key}' was trained over generalist {over}, '{keys[0]}' over {generalist}: a job's specialists must share one generalist.");
                }
                generalist = over;
                ids.Add(id);
            }
            job.State.GeneralistArtifactId = generalist;
            job.State.SpecialistArtifactIds = ids;
        }
        var directory = Path.Combine(job.WorkDirectory, "specialists");
        await SpecialistMaterializer.WriteAsync(store, job.State.GeneralistArtifactId!, job.State.SpecialistArtifactIds!, directory, cancellationToken);
        return new TeacherFolder(directory, TeacherFolderKind.SpecialistSet);
    }

    private static InvalidOperationException NotTrained(string role, string key, TrainingPhase phase, string? message) =>
        new($"{role} '{key}' is not trained (it is {phase}{(message is null ? "" : ": " + message)}).");
}
