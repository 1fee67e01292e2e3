using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// What one distillation job does: who teaches — the trained <c>ISpecialistGrain</c>s named in <see cref="SpecialistKeys"/>
/// with the generalist they were trained over (the generalist's distribution refined by its specialists, Hinton et al. 2015,
/// §5) when given; else the trained <c>ITeacherGrain</c>s named in <see cref="TeacherKeys"/> when given; else the ensemble
/// folder <see cref="TeachersDirectory"/> — which corpus is the transfer set (train split) and the judge (dev split), the
/// distillation settings and how the student is trained. Specialists and teacher grains cannot be named together.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.DistillationJobRequest")]
public sealed record DistillationJobRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] string TeachersDirectory,
    [property: Id(3)] TrainingHyperParameters Student,
    [property: Id(4)] double Temperature = 2.0,
    [property: Id(5)] double Alpha = 0.5,
    [property: Id(6)] ImmutableArray<string> TeacherKeys = default,
    [property: Id(7)] ImmutableArray<string> SpecialistKeys = default);
