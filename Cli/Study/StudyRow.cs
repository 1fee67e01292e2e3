namespace AcousticDistill.Cli.Study;

/// <summary>One model of the study: what it is, how big, how fast it trained, and how accurate it is.</summary>
internal sealed record StudyRow(
    string Name,
    double FrameAccuracy,
    double DevFrameAccuracy,
    long Params,
    long InferenceMacsPerFrame,
    double? Temperature = null,
    double? Alpha = null,
    double? TrainFramesPerSecond = null,
    double? TrainSeconds = null,
    bool? Selected = null,
    double? CoveredFrameAccuracy = null,
    string? Note = null);
