using Microsoft.Extensions.Caching.Memory;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// What a silo loads per model version (a serving model, the teachers it is compared with): each version loaded once
/// however many callers ask at the same time, a failed load forgotten so the next caller tries again, and at most
/// <c>limit</c> versions kept: adding one past the limit compacts the least recently used away at once. (A
/// <see cref="MemoryCache"/> size limit would instead refuse the new entry until a background compaction, and every caller
/// meanwhile would load it again.) Callers that hold a value keep using it after it leaves the cache.
/// </summary>
public sealed class VersionCache<T>(int limit) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly Lock _create = new();

    /// <summary>Versions held now.</summary>
    public int Count => _cache.Count;

    /// <summary>The value of <paramref name="version"/>, loaded by <paramref name="load"/> unless held or loading already.</summary>
    public async Task<T> GetOrLoadAsync(string version, Func<string, Task<T>> load, CancellationToken cancellationToken = default)
    {
        // Serving versions are asked for on every audio chunk: a held one is found without taking the lock.
        if (!_cache.TryGetValue(version, out Lazy<Task<T>>? entry) || entry is null)
        {
            entry = Create(version, load);
        }
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            lock (_create)
            {
                if (_cache.TryGetValue(version, out Lazy<Task<T>>? current) && ReferenceEquals(current, entry))
                {
                    _cache.Remove(version);
                }
            }
            throw;
        }
    }

    // Creates the (not yet started) load under a lock: two first callers must share one load, not start two.
    private Lazy<Task<T>> Create(string version, Func<string, Task<T>> load)
    {
        lock (_create)
        {
            if (!_cache.TryGetValue(version, out Lazy<Task<T>>? held) || held is null)
            {
                held = _cache.Set(version, new Lazy<Task<T>>(() => load(version)));
                if (_cache.Count > limit)
                {
                    // Compact rounds the share down to whole entries: ask for half an entry more than the excess.
                    _cache.Compact((_cache.Count - limit + 0.5) / _cache.Count);
                }
            }
            return held;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
