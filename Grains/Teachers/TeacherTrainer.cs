namespace AcousticDistill.Grains.Teachers;

/// <summary>
/// Adapts a teacher request to the library's <see cref="TeacherTraining"/>, as the CLI's <c>ensemble train</c> does for
/// each member: CMVN estimated on the train split (identical for every member of one corpus), dev-selected epochs.
/// </summary>
public sealed class TeacherTrainer(IOptions<ComputeOptions> options)
{
    private readonly ComputeOptions _options = options.Value;

    /// <summary>Trains and serialises a teacher (blocking; call through <see cref="ComputeBudget"/>).</summary>
    public TrainedTeacher Train(TeacherTrainingRequest request, CancellationToken cancellationToken)
    {
        using var data = CorpusPreparation.Prepare(new CorpusPreparationOptions
        {
            CorpusDirectory = request.CorpusDirectory,
            Features = CorpusPreparation.FeaturesFor(request.CorpusDirectory, request.MelBins),
            Context = request.Context,
            LoaderThreads = _options.LoaderThreads,
        }, cancellationToken: cancellationToken);
        var teacher = new TeacherTrainingOptions(request.Training.ToShape(), request.Training.ToTrainingOptions(_options.Device), request.Family);
        using var trained = TeacherTraining.Train(data, teacher, cancellationToken: cancellationToken);
        return new TrainedTeacher(trained.Serialize(), trained.Report.BestDevFrameAccuracy, trained.Report.FramesPerSecond);
    }
}
