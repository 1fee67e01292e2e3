using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Specialists;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Grains.Compute;
using AcousticDistill.Grains.Interfaces.Specialists;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Grains.Specialists;

/// <summary>
/// Trains one specialist with the Acoustic library, as the CLI's <c>specialists train</c> does for each cluster: the
/// corpus fed exactly as the generalist was fed (its features and CMVN), classes clustered by the covariance of the
/// generalist's predictions on the train split, then <see cref="SpecialistTrainer"/> on the chosen cluster.
/// </summary>
public sealed class SpecialistBuilder(IOptions<ComputeOptions> options)
{
    private readonly ComputeOptions _options = options.Value;

    /// <summary>
    /// Trains and serialises the specialist of <paramref name="request"/>'s cluster from the generalist's artifact bytes
    /// (blocking; call through <see cref="ComputeBudget"/>).
    /// </summary>
    public TrainedClusterSpecialist Train(SpecialistTrainingRequest request, byte[] generalistBytes, CancellationToken cancellationToken)
    {
        if (request.ClusterIndex < 0 || request.ClusterIndex >= request.Clusters)
        {
            throw new ArgumentException($"Cluster index {request.ClusterIndex} is outside the {request.Clusters} clusters.");
        }
        var generalist = ModelArtifact.Deserialize(generalistBytes, $"generalist {request.GeneralistArtifactId}");
        using var generalistModel = generalist.Model;
        if (generalist.Metadata.ClassMap is not null)
        {
            throw new ArgumentException($"Artifact {request.GeneralistArtifactId} is a specialist, not a generalist.");
        }
        var classes = generalistModel.Architecture.Classes;
        var clustering = new SpecialistClusteringOptions
        {
            Clusters = request.Clusters,
            KMeans = new KMeansOptions { Restarts = request.Restarts, Seed = request.Seed },
        };
        clustering.Validate(classes);

        using var data = Prepare(request, generalist.Metadata, cancellationToken);
        var dev = data.Dev ?? throw new InvalidDataException($"Corpus '{data.Name}' has no dev split to select and score a specialist on.");
        generalistModel.eval();
        var clusters = SpecialistClustering.Cluster(generalistModel.forward, data.Train, classes, clustering, cancellationToken);
        var cluster = clusters.Clusters[request.ClusterIndex];

        var training = new TrainingOptions
        {
            Epochs = request.Epochs,
            BatchSize = request.BatchSize,
            LearningRate = request.LearningRate,
            Seed = request.Seed + request.ClusterIndex,
            Threads = _options.TorchThreads,
            Device = _options.Device,
            Schedule = "plateau",
        };
        manual_seed(training.Seed); // dropout draws from torch's global generator
        var trained = SpecialistTrainer.Train(generalistModel, cluster, data.Train, dev, training, request.OtherRatio,
            cancellationToken: cancellationToken);
        using var specialist = trained.Specialist;
        specialist.Model.to(CPU);
        generalistModel.to(CPU);
        dev.MoveTo(CPU);

        var metadata = SpecialistDirectory.SpecialistMetadata(generalist.Metadata, request.GeneralistArtifactId, trained, data.Name,
            training.Seed);
        var bytes = ModelArtifact.Serialize(specialist.Model, metadata);
        var (accuracy, generalistAccuracy, frames) = ScoreOnCluster(specialist, generalistModel, dev, cluster);
        return new TrainedClusterSpecialist(bytes, cluster, accuracy, generalistAccuracy, frames, trained.Report.FramesPerSecond);
    }

    /// <summary>
    /// Accuracy of the specialist alone and of the generalist on the dev frames labelled with a cluster class: the
    /// specialist's output i names class <c>cluster[i]</c>, and its dustbin never names the right class of such a frame.
    /// </summary>
    private static (double Specialist, double Generalist, long Frames) ScoreOnCluster(Specialist specialist, FrameClassifier generalist,
        FrameDataset dev, IReadOnlyList<int> cluster)
    {
        specialist.Model.eval();
        var labels = FramePredictor.LabelsOf(dev);
        var byGeneralist = FramePredictor.PredictClasses(generalist.forward, dev);
        var bySpecialist = FramePredictor.PredictClasses(specialist.LogProbabilities, dev);
        var members = cluster.ToHashSet();
        long frames = 0, specialistRight = 0, generalistRight = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!members.Contains(labels[i]))
            {
                continue;
            }
            frames++;
            if (bySpecialist[i] < cluster.Count && cluster[bySpecialist[i]] == labels[i])
            {
                specialistRight++;
            }
            if (byGeneralist[i] == labels[i])
            {
                generalistRight++;
            }
        }
        return frames == 0 ? (0, 0, 0) : ((double)specialistRight / frames, (double)generalistRight / frames, frames);
    }

    private PreparedCorpus Prepare(SpecialistTrainingRequest request, ModelMetadata generalist, CancellationToken cancellationToken)
    {
        var manifest = CorpusManifest.Load(request.CorpusDirectory);
        var train = CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Train, generalist.Features,
            threads: _options.LoaderThreads, cancellationToken: cancellationToken);
        var dev = manifest.InSplit(CorpusSplit.Dev).Any()
            ? CorpusFeatureLoader.Load(request.CorpusDirectory, manifest, CorpusSplit.Dev, generalist.Features,
                threads: _options.LoaderThreads, cancellationToken: cancellationToken)
            : null;
        // The specialist must see exactly the generalist's input: its CMVN, not one re-estimated here.
        return PreparedCorpus.Create(manifest.Name, train, dev, generalist.Features, generalist.Architecture.Context,
            new Cmvn(generalist.CmvnMean, generalist.CmvnInvStd));
    }
}
