namespace AcousticDistill.Cli.Study;

/// <summary>
/// The sizes of one run of the distillation study, per seed. <c>tiny</c> exists for tests (minutes); <c>medium</c> is
/// N = 10 at a width a 2-core CPU trains with three seeds in about an hour; <c>small</c> fits in about 30 minutes per seed
/// on that CPU; <c>full</c> is the paper-like setting (N = 10, 3 × 1024 teachers, ≥ 3 h of training speech) meant for a GPU.
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
    int Clusters,
    IReadOnlyList<double> Temperatures,
    IReadOnlyList<double> Alphas)
{
    private static readonly double[] s_temperatures = [1, 2, 5, 10];
    private static readonly double[] s_alphas = [0, 0.5];

    public static StudyScale Tiny { get; } = new("tiny", Members: 2, TeacherLayers: 1, TeacherWidth: 48,
        SmallStudentLayers: 1, SmallStudentWidth: 12, TeacherEpochs: 1, StudentEpochs: 1, MinimumTrainingHours: 0, Clusters: 2,
        Temperatures: [2], Alphas: [0.5]);

    public static StudyScale Medium { get; } = new("medium", Members: 10, TeacherLayers: 2, TeacherWidth: 256,
        SmallStudentLayers: 2, SmallStudentWidth: 64, TeacherEpochs: 4, StudentEpochs: 4, MinimumTrainingHours: 0.5, Clusters: 6,
        Temperatures: [2, 5], Alphas: [0.5]);

    public static StudyScale Small { get; } = new("small", Members: 4, TeacherLayers: 2, TeacherWidth: 512,
        SmallStudentLayers: 2, SmallStudentWidth: 160, TeacherEpochs: 6, StudentEpochs: 6, MinimumTrainingHours: 0.1, Clusters: 6,
        s_temperatures, s_alphas);

    public static StudyScale Full { get; } = new("full", Members: 10, TeacherLayers: 3, TeacherWidth: 1024,
        SmallStudentLayers: 2, SmallStudentWidth: 512, TeacherEpochs: 10, StudentEpochs: 10, MinimumTrainingHours: 3.0, Clusters: 10,
        s_temperatures, s_alphas);

    public static IReadOnlyList<string> Names { get; } = ["tiny", "medium", "small", "full"];

    public static StudyScale Parse(string name) => name switch
    {
        "tiny" => Tiny,
        "medium" => Medium,
        "small" => Small,
        "full" => Full,
        _ => throw new ArgumentException($"--scale '{name}' is not one of: {string.Join(", ", Names)}."),
    };

    /// <summary>Share of the training utterances in the "3% of the data" experiment.</summary>
    public const double SmallDataFraction = 0.03;
}
