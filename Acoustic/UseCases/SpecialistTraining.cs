using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Specialists;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.UseCases;

/// <summary>A specialist fresh from training (on the CPU), its artifact metadata, and how training went.</summary>
public sealed record TrainedClusterSpecialist(TrainedSpecialist Trained, ModelMetadata Metadata) : IDisposable
{
    /// <summary>The specialist's network.</summary>
    public FrameClassifier Model => Trained.Specialist.Model;

    /// <summary>The model artifact's bytes.</summary>
    public byte[] Serialize() => ModelArtifact.Serialize(Model, Metadata);

    /// <inheritdoc />
    public void Dispose() => Trained.Specialist.Dispose();
}

/// <summary>
/// The accuracy of a specialist alone and of its generalist on the dev frames labelled with one of the specialist's
/// classes (a dustbin answer is wrong there), over <paramref name="Frames"/> frames.
/// </summary>
public sealed record ClusterScore(double Specialist, double Generalist, long Frames);

/// <summary>
/// Specialists for clusters of classes the generalist confuses (Hinton, Vinyals and Dean 2015, §5): the corpus fed
/// exactly as the generalist was fed (<see cref="CorpusPreparationOptions.FedAs"/>), classes clustered by the covariance
/// of the generalist's predictions on the train split (<see cref="Cluster"/>), then one specialist per cluster
/// (<c>Train</c>). The CLI's <c>specialists train</c>, the specialist grains and the study all run these steps.
/// </summary>
public static class SpecialistTraining
{
    /// <summary>
    /// The generalist's classes grouped into clusters by how its predictions co-vary on the train split. Classes no
    /// training frame is labelled with (phones a small-vocabulary corpus such as AN4 never uses) are excluded too: a
    /// specialist for them would have nothing to learn.
    /// </summary>
    public static ClassClusters Cluster(FrameClassifier generalist, PreparedCorpus data, SpecialistClusteringOptions options,
        CancellationToken cancellationToken = default)
    {
        var classes = generalist.Architecture.Classes;
        if (data.Train.Labels is { } labels)
        {
            using var counts = labels.bincount(null, classes);
            var unseen = Enumerable.Range(0, classes).Where(c => counts[c].ToInt64() == 0);
            options = new SpecialistClusteringOptions
            {
                Clusters = options.Clusters,
                ExcludedClasses = options.ExcludedClasses.Union(unseen).ToHashSet(),
                UnitLengthColumns = options.UnitLengthColumns,
                BatchSize = options.BatchSize,
                KMeans = options.KMeans,
            };
        }
        options.Validate(classes);
        generalist.eval();
        return SpecialistClustering.Cluster(generalist.forward, data.Train, generalist.Architecture.Classes, options, cancellationToken);
    }

    /// <summary>
    /// Trains the specialist of <paramref name="cluster"/>, initialised from <paramref name="generalist"/> (whose content
    /// hash is <paramref name="generalistHash"/>), on the enriched train split; dev (required) selects its epoch.
    /// </summary>
    public static TrainedClusterSpecialist Train(ModelArtifact generalist, string generalistHash, PreparedCorpus data,
        IReadOnlyList<int> cluster, TrainingOptions training, double otherRatio, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Train(generalist.Model, generalist.Metadata, generalistHash, data, cluster, training, otherRatio, progress, cancellationToken);

    /// <summary>As the overload above, for a generalist held as a network and its metadata.</summary>
    public static TrainedClusterSpecialist Train(FrameClassifier generalist, ModelMetadata generalistMetadata, string generalistHash,
        PreparedCorpus data, IReadOnlyList<int> cluster, TrainingOptions training, double otherRatio,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (generalistMetadata.ClassMap is not null)
        {
            throw new ArgumentException($"Model {generalistHash} is a specialist, not a generalist.");
        }
        var dev = data.Dev ?? throw new InvalidDataException($"Corpus '{data.Name}' has no dev split to select a specialist on.");
        var trained = SpecialistTrainer.Train(generalist, cluster, data.Train, dev, training, otherRatio,
            progress is null ? null : progress.Report, cancellationToken);
        trained.Specialist.Model.to(CPU);
        var metadata = SpecialistDirectory.SpecialistMetadata(generalistMetadata, generalistHash, trained, data.Name, training.Seed);
        return new TrainedClusterSpecialist(trained, metadata);
    }

    /// <summary>The specialist's and the generalist's accuracy on the dev frames of the specialist's classes.</summary>
    public static ClusterScore ScoreOnCluster(Specialist specialist, FrameClassifier generalist, FrameDataset dev)
    {
        specialist.Model.to(dev.Features.device);
        specialist.Model.eval();
        generalist.to(dev.Features.device);
        generalist.eval();
        var labels = FramePredictor.LabelsOf(dev);
        var byGeneralist = FramePredictor.PredictClasses(generalist.forward, dev);
        var bySpecialist = FramePredictor.PredictClasses(specialist.LogProbabilities, dev);
        var cluster = specialist.Classes;
        var members = cluster.ToHashSet();
        long frames = 0, specialistRight = 0, generalistRight = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!members.Contains(labels[i]))
            {
                continue;
            }
            frames++;
            // Output i of the specialist names class cluster[i]; its dustbin (the last output) is never right here.
            if (bySpecialist[i] < cluster.Count && cluster[bySpecialist[i]] == labels[i])
            {
                specialistRight++;
            }
            if (byGeneralist[i] == labels[i])
            {
                generalistRight++;
            }
        }
        return frames == 0 ? new ClusterScore(0, 0, 0) : new ClusterScore((double)specialistRight / frames, (double)generalistRight / frames, frames);
    }
}
