namespace AcousticDistill.Grains.Interfaces.Training;

/// <summary>
/// How a network is trained, shared by every request that trains one (teachers, students, specialists): its hidden shape
/// (a specialist takes its generalist's and ignores these three), the optimiser and schedule, epochs, minibatch and the
/// seed that fixes initial weights, shuffling and dropout. The defaults are the CLI's.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.TrainingHyperParameters")]
public sealed record TrainingHyperParameters(
    [property: Id(0)] int Seed = 1,
    [property: Id(1)] int Epochs = 8,
    [property: Id(2)] int HiddenLayers = 3,
    [property: Id(3)] int HiddenWidth = 1024,
    [property: Id(4)] double Dropout = 0.1,
    [property: Id(5)] int BatchSize = 256,
    [property: Id(6)] double LearningRate = 0.05,
    [property: Id(7)] string Optimizer = "sgd",
    [property: Id(8)] double Momentum = 0.9,
    [property: Id(9)] double WeightDecay = 0,
    [property: Id(10)] string Schedule = "plateau")
{
    /// <summary>An ensemble member's defaults: 3 × 1024, 8 epochs.</summary>
    public static TrainingHyperParameters Teacher { get; } = new();

    /// <summary>A scheduled student's defaults: 2 × 256, 4 epochs.</summary>
    public static TrainingHyperParameters Student { get; } = new(Epochs: 4, HiddenLayers: 2, HiddenWidth: 256);

    /// <summary>A specialist's defaults: 4 epochs from its generalist's weights.</summary>
    public static TrainingHyperParameters Specialist { get; } = new(Epochs: 4);
}
