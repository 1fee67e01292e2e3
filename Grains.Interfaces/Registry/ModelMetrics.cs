namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>Measured figures of a model version: frame accuracy (0–1) on the dev and test splits, size and training cost.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.ModelMetrics")]
public sealed record ModelMetrics(
    [property: Id(0)] double DevFrameAccuracy,
    [property: Id(1)] double? TestFrameAccuracy,
    [property: Id(2)] long Parameters,
    [property: Id(3)] long SizeBytes,
    [property: Id(4)] double TrainFramesPerSecond);
