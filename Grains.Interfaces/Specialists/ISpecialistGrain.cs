using AcousticDistill.Grains.Interfaces.Teachers;

namespace AcousticDistill.Grains.Interfaces.Specialists;

/// <summary>
/// One specialist (Hinton et al. 2015, §5), key = a name unique in the cluster, e.g. <c>en-16k/specialist-03</c>: clusters
/// the classes a stored generalist confuses, trains the specialist for its cluster off the grain scheduler, keeps its
/// artifact in the model store, and reports its frame accuracy on its cluster's dev frames.
/// </summary>
[Alias("AcousticDistill.ISpecialistGrain")]
public interface ISpecialistGrain : IGrainWithStringKey
{
    /// <summary>Starts training (a call while training, or once trained with the same request, only returns the status).</summary>
    [Alias("Train")]
    Task<SpecialistStatus> TrainAsync(SpecialistTrainingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Current phase, artifact and cluster figures.</summary>
    [Alias("GetStatus")]
    Task<SpecialistStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
