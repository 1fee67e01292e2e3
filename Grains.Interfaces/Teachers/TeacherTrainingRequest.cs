using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Grains.Interfaces.Teachers;

/// <summary>
/// How one ensemble member is trained on hard labels: the corpus (train split; dev selects epochs), the features
/// (mel bins, ±context frames) and the training settings, whose seed makes it differ from its siblings.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.TeacherTrainingRequest")]
public sealed record TeacherTrainingRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] TrainingHyperParameters Training,
    [property: Id(3)] int Context = 5,
    [property: Id(4)] int MelBins = 40);
