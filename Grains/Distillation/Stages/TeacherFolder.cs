using AcousticDistill.Acoustic.Specialists;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>How a job's teachers combine: ensemble members averaged, or a generalist refined by its specialists.</summary>
public enum TeacherFolderKind
{
    /// <summary>An ensemble folder (<see cref="EnsembleDirectory"/>).</summary>
    Ensemble,

    /// <summary>A specialist folder (<see cref="SpecialistDirectory"/>): a generalist and its specialists.</summary>
    SpecialistSet,
}

/// <summary>A job's teachers on disk, in a folder the library loads (and checks against the content hashes in its index).</summary>
public sealed record TeacherFolder(string Directory, TeacherFolderKind Kind)
{
    /// <summary>The teachers' content hashes in order (the generalist first): the student's lineage and the ensemble's version.</summary>
    public IReadOnlyList<string> Hashes() => Kind == TeacherFolderKind.Ensemble
        ? EnsembleDirectory.MemberHashes(Directory)
        : SpecialistDirectory.MemberHashes(Directory);

    /// <summary>The teachers' artifact files, in the order of <see cref="Hashes"/>.</summary>
    public IReadOnlyList<string> Files() => Kind == TeacherFolderKind.Ensemble
        ? EnsembleDirectory.MemberFiles(Directory)
        : SpecialistDirectory.MemberFiles(Directory);
}
