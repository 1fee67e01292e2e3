namespace AcousticDistill.Grains.Compute;

/// <summary>
/// Writes a grain's persistent state one write at a time, for grains whose background work and incoming calls can both
/// write (a job's stage loop and a cancel): grain storage wants no overlapping writes.
/// </summary>
internal sealed class SerializedStateWriter<TState>(IPersistentState<TState> state)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task WriteAsync()
    {
        await _lock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _lock.Release();
        }
    }
}
