namespace AcousticDistill.Cli.Study;

/// <summary>
/// The sizes of one run of the distillation study. <c>small</c> fits in about 30 minutes on a 2-core CPU;
/// <c>full</c> is the paper-like setting (N = 10, 3 × 1024 teachers, ≥ 3 h of training speech) meant for a GPU.
/// </summary>
internal sealed record StudyScale(
    string Name,
    int Members,
    int TeacherLayers,
    int TeacherWidth,
    int SmallStudentLayers,
    int SmallStudentWidth,
    int TeacherEpochs,
    int StudentEpochs,
    double MinimumTrainingHours,
    int Clusters)
{
    public static StudyScale Small { get; } = new("small", Members: 4, TeacherLayers: 2, TeacherWidth: 512,
        SmallStudentLayers: 2, SmallStudentWidth: 160, TeacherEpochs: 6, StudentEpochs: 6, MinimumTrainingHours: 0.1, Clusters: 6);

    public static StudyScale Full { get; } = new("full", Members: 10, TeacherLayers: 3, TeacherWidth: 1024,
        SmallStudentLayers: 2, SmallStudentWidth: 512, TeacherEpochs: 10, StudentEpochs: 10, MinimumTrainingHours: 3.0, Clusters: 10);

    public static StudyScale Parse(string name) => name switch
    {
        "small" => Small,
        "full" => Full,
        _ => throw new ArgumentException($"--scale '{name}' is not one of: small, full."),
    };

    /// <summary>Temperatures and hard-label weights of the distillation grid.</summary>
    public static IReadOnlyList<double> Temperatures { get; } = [1, 2, 5, 10];

    public static IReadOnlyList<double> Alphas { get; } = [0, 0.5];

    /// <summary>Share of the training utterances in the "3% of the data" experiment.</summary>
    public const double SmallDataFraction = 0.03;
}
