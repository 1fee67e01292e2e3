namespace AcousticDistill.Grains.Compute;

/// <summary>
/// Runs CPU-heavy work off the Orleans scheduler on dedicated threads, at most
/// <see cref="ComputeOptions.ConcurrentStages"/> at a time, so grain turns (registry calls, sessions) stay short.
/// </summary>
public sealed class ComputeBudget
{
    private readonly ComputeOptions _options;
    private readonly SemaphoreSlim _slots;

    /// <summary>A budget sized by the configured options.</summary>
    public ComputeBudget(IOptions<ComputeOptions> options)
    {
        _options = options.Value;
        _options.Validate();
        _slots = new SemaphoreSlim(_options.ConcurrentStages, _options.ConcurrentStages);
    }

    /// <summary>Waits for a slot, then runs <paramref name="work"/> on its own thread; the caller awaits without blocking.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Factory.StartNew(() => work(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
