namespace AcousticDistill.Acoustic.Training;

/// <summary>A progress report from a training run: where it is, the running loss, and frames per second.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, long FramesDone, long FramesPerEpoch, double Loss, double FramesPerSecond);

/// <summary>The result of one epoch: mean training loss, dev accuracy (NaN without a dev set) and rate used.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double DevFrameAccuracy, double LearningRate, double FramesPerSecond);

/// <summary>
/// What a training run did: every epoch, the epoch whose weights were kept, training throughput (minibatch
/// steps only, not dev evaluation) and the whole run's wall time.
/// </summary>
public sealed record TrainingReport(IReadOnlyList<EpochSummary> Epochs, int BestEpoch, double BestDevFrameAccuracy, double FramesPerSecond, TimeSpan Elapsed);
