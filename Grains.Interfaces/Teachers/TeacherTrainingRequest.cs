namespace AcousticDistill.Grains.Interfaces.Teachers;

/// <summary>
/// How one ensemble member is trained on hard labels: the corpus (train split; dev selects epochs), the features
/// (mel bins, ±context frames), the network's shape and the seed that makes it differ from its siblings.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.TeacherTrainingRequest")]
public sealed record TeacherTrainingRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] int Seed = 1,
    [property: Id(3)] int Epochs = 8,
    [property: Id(4)] int HiddenLayers = 3,
    [property: Id(5)] int HiddenWidth = 1024,
    [property: Id(6)] double Dropout = 0.1,
    [property: Id(7)] int Context = 5,
    [property: Id(8)] int MelBins = 40,
    [property: Id(9)] int BatchSize = 256,
    [property: Id(10)] double LearningRate = 0.05);
