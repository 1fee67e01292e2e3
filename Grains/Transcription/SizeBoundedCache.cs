namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// A least-recently-used cache bounded by the total estimated size of its values in bytes and by their number: adding
/// an entry evicts the least recently used ones at once until both limits hold again (a <c>MemoryCache</c> size limit
/// would instead refuse the new entry and compact later, in the background). A value bigger than the whole byte limit
/// is not kept. <see cref="EvictIdle"/> drops the values nobody used for a while, so that memory a burst filled is given
/// back. Thread-safe; callers that hold a value keep using it after it leaves the cache.
/// </summary>
public sealed class SizeBoundedCache<TKey, TValue>(long byteLimit, int countLimit, TimeProvider? clock = null)
    where TKey : notnull
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = [];
    // Most recently used first.
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();
    private long _bytes;

    /// <summary>Estimated bytes of the values held now (at most the byte limit).</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Values held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>, if held; it becomes the most recently used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                node.Value.LastUsed = _clock.GetUtcNow();
                value = node.Value.Value;
                return true;
            }
            value = default!;
            return false;
        }
    }

    /// <summary>
    /// Keeps <paramref name="value"/> of <paramref name="bytes"/> under <paramref name="key"/> (replacing any value held)
    /// and evicts the least recently used until the limits hold; false when the value alone exceeds the byte limit.
    /// </summary>
    public bool Add(TKey key, TValue value, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                Remove(old);
            }
            if (bytes > byteLimit)
            {
                return false;
            }
            _entries[key] = _order.AddFirst(new Entry(key, value, bytes) { LastUsed = _clock.GetUtcNow() });
            _bytes += bytes;
            while (_bytes > byteLimit || _entries.Count > countLimit)
            {
                Remove(_order.Last!);
            }
            return true;
        }
    }

    /// <summary>Evicts the values not used for longer than <paramref name="idle"/>; returns how many went.</summary>
    public int EvictIdle(TimeSpan idle)
    {
        var before = _clock.GetUtcNow() - idle;
        var evicted = 0;
        lock (_lock)
        {
            // Least recently used last: stop at the first one used since.
            while (_order.Last is { } oldest && oldest.Value.LastUsed < before)
            {
                Remove(oldest);
                evicted++;
            }
        }
        return evicted;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    private sealed record Entry(TKey Key, TValue Value, long Bytes)
    {
        public DateTimeOffset LastUsed { get; set; }
    }
}
