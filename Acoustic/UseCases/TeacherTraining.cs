namespace AcousticDistill.Acoustic.UseCases;

/// <summary>How one hard-label model is trained: its shape, the training settings (seed included) and its family.</summary>
/// <param name="Shape">Hidden layers, width and dropout.</param>
/// <param name="Training">Optimiser, schedule, epochs, seed, device.</param>
/// <param name="Family">Model family recorded in the artifact (e.g. <c>en-16k</c>).</param>
/// <param name="Role">Lineage role: <c>teacher</c> for an ensemble member, <c>baseline</c> for a model served on its own.</param>
public sealed record TeacherTrainingOptions(NetworkShape Shape, TrainingOptions Training, string Family, string Role = "teacher");

/// <summary>
/// Trains one model on a corpus's hard labels: an ensemble member (CLI <c>ensemble train</c>, teacher grains, the
/// study) or a baseline (CLI <c>train</c>). Members of one ensemble share one <see cref="PreparedCorpus"/> and differ by seed.
/// </summary>
public static class TeacherTraining
{
    /// <summary>Trains a new model of <paramref name="options"/>' shape on <paramref name="data"/>.</summary>
    public static TrainedModel Train(PreparedCorpus data, TeacherTrainingOptions options, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var lineage = ModelLineage.Baseline(data.Name, options.Training.Seed) with { Role = options.Role };
        return NetworkTraining.Train(data, options.Shape.For(data), options.Training, options.Family, lineage, objective: null,
            progress, cancellationToken);
    }
}
