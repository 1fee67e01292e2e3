namespace AcousticDistill.Cli.Output;

/// <summary>Console progress around the library's use cases: feature extraction, training, soft targets.</summary>
internal static class UseCaseProgress
{
    /// <summary>Prepares a corpus with one progress bar over all its splits; skipped transfer files are noted.</summary>
    public static PreparedCorpus Prepare(CorpusPreparationOptions options, CancellationToken cancellationToken) =>
        ConsoleProgress.Run("features", 1, report => CorpusPreparation.Prepare(options, new ActionProgress<PreparationProgress>(p =>
        {
            if (p.Warning is not null)
            {
                ConsoleProgress.Stderr.MarkupLineInterpolated($"[yellow]skipped[/] {p.Warning}");
            }
            report((double)p.Done / Math.Max(1, p.Total), $"{p.Split}, {p.Done}/{p.Total} utterances");
        }), cancellationToken));

    /// <summary>Loads one split (a test split to score on) with a progress bar.</summary>
    public static SplitFeatures LoadSplit(CorpusPreparationOptions options, CorpusSplit split, CancellationToken cancellationToken) =>
        ConsoleProgress.Run($"features ({split.ToString().ToLowerInvariant()})", 1, report =>
            CorpusPreparation.LoadSplit(options, split,
                new ActionProgress<PreparationProgress>(p => report((double)p.Done / Math.Max(1, p.Total), $"{p.Done}/{p.Total} utterances")),
                cancellationToken));

    /// <summary>Runs one training with a progress bar over its epochs.</summary>
    public static T Train<T>(string label, int epochs, Func<IProgress<TrainingProgress>, T> train) =>
        ConsoleProgress.Run(label, epochs, update => train(new ActionProgress<TrainingProgress>(p =>
            update(p.Epoch - 1 + (double)p.FramesDone / p.FramesPerEpoch,
                $"epoch {p.Epoch}/{p.Epochs}, loss {p.Loss:F3}, {p.FramesPerSecond:N0} frames/s"))));

    /// <summary>Computes soft targets with a progress bar over the transfer frames.</summary>
    public static T SoftTargets<T>(string label, Func<IProgress<SoftTargetProgress>, T> compute) =>
        ConsoleProgress.Run(label, 1, report => compute(new ActionProgress<SoftTargetProgress>(p =>
            report((double)p.Done / Math.Max(1, p.Total), $"{p.Done:N0}/{p.Total:N0} frames"))));
}
