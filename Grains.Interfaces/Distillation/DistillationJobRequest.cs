using System.Collections.Immutable;

namespace AcousticDistill.Grains.Interfaces.Distillation;

/// <summary>
/// What one distillation job does: which ensemble teaches — the trained <c>ITeacherGrain</c>s named in
/// <see cref="TeacherKeys"/> when given, else the ensemble folder <see cref="TeachersDirectory"/> — which
/// corpus is the transfer set (train split) and the judge (dev split), the distillation settings and the student's shape.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.DistillationJobRequest")]
public sealed record DistillationJobRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] string TeachersDirectory,
    [property: Id(3)] double Temperature = 2.0,
    [property: Id(4)] double Alpha = 0.5,
    [property: Id(5)] int Seed = 1,
    [property: Id(6)] int Epochs = 4,
    [property: Id(7)] int HiddenLayers = 2,
    [property: Id(8)] int HiddenWidth = 256,
    [property: Id(9)] double Dropout = 0.1,
    [property: Id(10)] int BatchSize = 256,
    [property: Id(11)] double LearningRate = 0.05,
    [property: Id(12)] ImmutableArray<string> TeacherKeys = default);
