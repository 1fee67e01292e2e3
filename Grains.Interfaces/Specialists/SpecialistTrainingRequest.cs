using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Grains.Interfaces.Specialists;

/// <summary>
/// How one specialist is trained: the generalist (an artifact id in the model store; its features, CMVN and shape are
/// reused), the corpus (train split = transfer set for clustering and training, dev split = selection and scoring), how the
/// classes are clustered (<see cref="Clusters"/> clusters, silence excluded, k-means seeded by the training seed) and which
/// cluster this specialist takes. Every specialist of one set must use the same clustering fields and seed, so that their
/// clusters are the same partition; the specialist's own training seed is the seed + <see cref="ClusterIndex"/>, as in the
/// CLI's <c>specialists train</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SpecialistTrainingRequest")]
public sealed record SpecialistTrainingRequest(
    [property: Id(0)] string Family,
    [property: Id(1)] string CorpusDirectory,
    [property: Id(2)] string GeneralistArtifactId,
    [property: Id(3)] int ClusterIndex,
    [property: Id(4)] TrainingHyperParameters Training,
    [property: Id(5)] int Clusters = 6,
    [property: Id(6)] double OtherRatio = 1.0,
    [property: Id(7)] int Restarts = 10);
