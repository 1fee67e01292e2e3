using AcousticDistill.Acoustic.Specialists;

namespace AcousticDistill.Grains.Specialists;

/// <summary>
/// Adapts a specialist request to the library's <see cref="SpecialistTraining"/>, as the CLI's <c>specialists train</c>
/// does for each cluster: the corpus fed exactly as the generalist was fed, classes clustered by the covariance of the
/// generalist's predictions on the train split, then the chosen cluster's specialist, scored on its cluster's dev frames.
/// </summary>
public sealed class SpecialistBuilder(IOptions<ComputeOptions> options)
{
    private readonly ComputeOptions _options = options.Value;

    /// <summary>
    /// Trains and serialises the specialist of <paramref name="request"/>'s cluster from the generalist's artifact bytes
    /// (blocking; call through <see cref="ComputeBudget"/>).
    /// </summary>
    public SpecialistOutcome Train(SpecialistTrainingRequest request, byte[] generalistBytes, CancellationToken cancellationToken)
    {
        if (request.ClusterIndex < 0 || request.ClusterIndex >= request.Clusters)
        {
            throw new ArgumentException($"Cluster index {request.ClusterIndex} is outside the {request.Clusters} clusters.");
        }
        var generalist = ModelArtifact.Deserialize(generalistBytes, $"generalist {request.GeneralistArtifactId}");
        using var generalistModel = generalist.Model;
        using var data = CorpusPreparation.Prepare(CorpusPreparationOptions.FedAs(generalist.Metadata, request.CorpusDirectory) with
        {
            LoaderThreads = _options.LoaderThreads,
        }, cancellationToken: cancellationToken);
        var clustering = new SpecialistClusteringOptions
        {
            Clusters = request.Clusters,
            KMeans = new KMeansOptions { Restarts = request.Restarts, Seed = request.Training.Seed },
        };
        var cluster = SpecialistTraining.Cluster(generalistModel, data, clustering, cancellationToken).Clusters[request.ClusterIndex];
        var training = request.Training.ToTrainingOptions(_options.Device, seed: request.Training.Seed + request.ClusterIndex);
        using var specialist = SpecialistTraining.Train(generalist, request.GeneralistArtifactId, data, cluster, training,
            request.OtherRatio, cancellationToken: cancellationToken);
        var score = SpecialistTraining.ScoreOnCluster(specialist.Trained.Specialist, generalistModel, data.Dev!);
        return new SpecialistOutcome(specialist.Serialize(), cluster, score, specialist.Trained.Report.FramesPerSecond);
    }
}
