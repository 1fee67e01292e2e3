namespace AcousticDistill.Grains.Compute;

/// <summary>
/// The one long-running piece of work a grain owns (training, a job's stages): started once, cancelled and
/// awaited when the grain deactivates, so the work never outlives its activation half-done and unseen.
/// </summary>
internal sealed class BackgroundWork
{
    private CancellationTokenSource? _stop;
    private Task? _work;

    /// <summary>Starts <paramref name="work"/> with a token that <see cref="CancelAsync"/> and <see cref="StopAsync"/> cancel.</summary>
    public void Start(Func<CancellationToken, Task> work)
    {
        _stop = new CancellationTokenSource();
        _work = work(_stop.Token);
    }

    /// <summary>Asks the work to stop without waiting for it.</summary>
    public Task CancelAsync() => _stop?.CancelAsync() ?? Task.CompletedTask;

    /// <summary>Asks the work to stop and waits until it has (call from OnDeactivateAsync).</summary>
    public async Task StopAsync()
    {
        if (_stop is not null && _work is not null)
        {
            await _stop.CancelAsync();
            await _work;
        }
    }
}
