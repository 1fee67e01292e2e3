namespace AcousticDistill.Grains.Interfaces.Specialists;

/// <summary>
/// How one specialist is trained: the generalist (an artifact id in the model store; its features and CMVN are reused),
/// the corpus (train split = transfer set for clustering and training, dev split = selection and scoring), how the
/// classes are clustered (<see cref="Clusters"/> clusters, silence excluded, k-means seeded by <see cref="Seed"/>) and
/// which cluster this specialist takes. Every specialist of one set must use the same clustering fields, so that their
/// clusters are the same partition; the specialist's own training seed is <see cref="Seed"/> + <see cref="ClusterIndex"/>,
/// as in the CLI's <c>specialists train</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SpecialistTrainingRequest")]
public sealed record SpecialistTrainingRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] string GeneralistArtifactId,
    [property: Id(3)] int ClusterIndex,
    [property: Id(4)] int Clusters = 6,
    [property: Id(5)] int Seed = 1,
    [property: Id(6)] int Epochs = 4,
    [property: Id(7)] int BatchSize = 256,
    [property: Id(8)] double LearningRate = 0.05,
    [property: Id(9)] double OtherRatio = 1.0,
    [property: Id(10)] int Restarts = 10);
