using AcousticDistill.Grains.Transcription;

namespace AcousticDistill.Grains.Tests.Transcription;

public sealed class SizeBoundedCacheTests
{
    [Fact]
    public void Add_PastTheByteLimit_EvictsTheLeastRecentlyUsedUntilItFits()
    {
        var cache = new SizeBoundedCache<string, int>(byteLimit: 100, countLimit: 10);
        cache.Add("a", 1, 40);
        cache.Add("b", 2, 40);
        Assert.True(cache.TryGet("a", out _)); // "b" is now the least recently used

        cache.Add("c", 3, 40);

        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(80, cache.Bytes);
    }

    [Fact]
    public void Add_ValueBiggerThanTheWholeLimit_IsNotKept_AndEvictsNothing()
    {
        var cache = new SizeBoundedCache<string, int>(byteLimit: 100, countLimit: 10);
        cache.Add("a", 1, 60);

        Assert.False(cache.Add("huge", 2, 101));

        Assert.False(cache.TryGet("huge", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.Equal(60, cache.Bytes);
    }

    [Fact]
    public void Add_PastTheCountLimit_EvictsTheOldest_AndReplacingAKeyCountsItsNewSizeOnly()
    {
        var cache = new SizeBoundedCache<string, int>(byteLimit: 1000, countLimit: 2);
        cache.Add("a", 1, 10);
        cache.Add("b", 2, 10);
        cache.Add("b", 3, 30);
        cache.Add("c", 4, 10);

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out var b));
        Assert.Equal(3, b);
        Assert.Equal(40, cache.Bytes);
    }

    [Fact]
    public void EvictIdle_DropsWhatNobodyUsedForThatLong_KeepsWhatWasUsedSince()
    {
        var clock = new ManualClock();
        var cache = new SizeBoundedCache<string, int>(byteLimit: 1000, countLimit: 10, clock);
        cache.Add("burst-1", 1, 100);
        cache.Add("burst-2", 2, 100);
        cache.Add("reused", 3, 100);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryGet("reused", out _));
        clock.Advance(TimeSpan.FromMinutes(2));

        var evicted = cache.EvictIdle(TimeSpan.FromMinutes(5));

        Assert.Equal(2, evicted);
        Assert.False(cache.TryGet("burst-1", out _));
        Assert.False(cache.TryGet("burst-2", out _));
        Assert.True(cache.TryGet("reused", out _));
        Assert.Equal(100, cache.Bytes);
        Assert.Equal(0, cache.EvictIdle(TimeSpan.FromMinutes(5)));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
