using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// Trains one specialist with the ordinary <see cref="FrameTrainer"/>: initialised from the generalist, on the
/// enriched subset of the training frames (cluster frames + as many others), hard labels remapped to its outputs.
/// Model selection uses the dev frames enriched the same way, so it rewards telling the cluster's classes apart
/// rather than saying "dustbin".
/// </summary>
public static class SpecialistTrainer
{
    /// <summary>Trains a specialist for <paramref name="clusterClasses"/>; the generalist is not changed.</summary>
    public static TrainedSpecialist Train(FrameClassifier generalist, IReadOnlyList<int> clusterClasses, FrameDataset train,
        FrameDataset? dev, TrainingOptions options, double otherPerSpecial = 1.0, Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var sample = SpecialistSampling.Enrich(FramePredictor.LabelsOf(train), clusterClasses, options.Seed, otherPerSpecial);
        using var trainSubset = train.Subset(sample.Frames, sample.Targets);
        using var devSubset = dev is null ? null : EnrichedDev(dev, clusterClasses, options, otherPerSpecial);

        var model = SpecialistInitializer.FromGeneralist(generalist, clusterClasses);
        var report = new FrameTrainer(options).Train(model, trainSubset, new HardLabelObjective(trainSubset), devSubset,
            progress, cancellationToken);
        return new TrainedSpecialist(new Specialist(model, clusterClasses.ToArray(), sample.DustbinLogitCorrection), sample, report);
    }

    private static FrameDataset EnrichedDev(FrameDataset dev, IReadOnlyList<int> clusterClasses, TrainingOptions options,
        double otherPerSpecial)
    {
        var labels = FramePredictor.LabelsOf(dev);
        var cluster = clusterClasses.ToHashSet();
        if (!labels.Any(cluster.Contains))
        {
            throw new ArgumentException(
                $"The dev split has no frame of the cluster [{string.Join(", ", clusterClasses)}], so a specialist for it cannot be selected on dev.");
        }
        var sample = SpecialistSampling.Enrich(labels, clusterClasses, options.Seed + 1, otherPerSpecial);
        return dev.Subset(sample.Frames, sample.Targets);
    }
}
