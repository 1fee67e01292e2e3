namespace AcousticDistill.Grains.Compute;

/// <summary>How much of the machine the learning flow may use, and where it keeps intermediate files.</summary>
public sealed class ComputeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Compute";

    /// <summary>Heavy stages (soft targets, training, evaluation) running at once on this silo.</summary>
    public int ConcurrentStages { get; set; } = 1;

    /// <summary>
    /// Torch intra-op threads of the whole process (libtorch has one count per process), set once at start-up: training
    /// stages and live sessions' networks alike.
    /// </summary>
    public int TorchThreads { get; set; } = 1;

    /// <summary>Corpus feature-extraction threads per stage.</summary>
    public int LoaderThreads { get; set; } = 1;

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>
    /// Folder for per-job intermediate files (extracted features, teacher folders, a copy of the soft targets): this silo's
    /// cache only, since what a job resumed elsewhere needs is in the model store; it need not be shared.
    /// </summary>
    public string WorkDirectory { get; set; } = "distill-work";

    /// <summary>
    /// Period of a running job's keep-alive reminder: after its silo dies, the reminder wakes the job on a surviving
    /// silo within about this time (Orleans' minimum reminder period, 1 minute, applies unless lowered).
    /// </summary>
    public TimeSpan JobKeepAlive { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws a clear error for values that cannot work.</summary>
    public void Validate()
    {
        if (ConcurrentStages < 1 || TorchThreads < 1 || LoaderThreads < 1)
        {
            throw new ArgumentException("Compute: ConcurrentStages, TorchThreads and LoaderThreads must be at least 1.");
        }
    }
}
