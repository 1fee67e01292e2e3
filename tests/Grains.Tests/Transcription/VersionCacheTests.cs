using AcousticDistill.Grains.Transcription;
using AcousticDistill.Grains.Tests.Fixtures;

namespace AcousticDistill.Grains.Tests.Transcription;

public sealed class VersionCacheTests
{
    [Fact]
    public async Task GetOrLoad_ConcurrentFirstCallers_ShareOneLoad()
    {
        using var cache = new VersionCache<string>(limit: 3);
        var loads = 0;
        var release = new TaskCompletionSource();
        async Task<string> Load(string version)
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return "model " + version;
        }

        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetOrLoadAsync("v1", Load))).ToArray();
        // Release the load only once it has started, so that the other callers find it in flight.
        await Polling.UntilAsync(() => Task.FromResult(Volatile.Read(ref loads)), n => n > 0, n => $"{n} loads", TimeSpan.FromSeconds(30));
        release.SetResult();
        var values = await Task.WhenAll(callers);

        Assert.Equal(1, loads);
        Assert.All(values, v => Assert.Equal("model v1", v));
    }

    [Fact]
    public async Task GetOrLoad_PastTheLimit_KeepsTheMostRecentlyUsed()
    {
        using var cache = new VersionCache<string>(limit: 3);
        var loads = new List<string>();
        Task<string> Load(string version)
        {
            loads.Add(version);
            return Task.FromResult(version);
        }

        foreach (var version in new[] { "a", "b", "c", "a", "d", "a", "e" })
        {
            await cache.GetOrLoadAsync(version, Load);
        }
        await cache.GetOrLoadAsync("a", Load);

        Assert.Equal(3, cache.Count);
        Assert.Equal(["a", "b", "c", "d", "e"], loads); // "a", used throughout, was never evicted and loaded again
    }

    [Fact]
    public async Task GetOrLoad_AFailedLoad_IsForgottenAndTriedAgain()
    {
        using var cache = new VersionCache<string>(limit: 3);
        var attempts = 0;
        Task<string> Load(string version) =>
            ++attempts == 1 ? Task.FromException<string>(new IOException("store unavailable")) : Task.FromResult(version);

        await Assert.ThrowsAsync<IOException>(() => cache.GetOrLoadAsync("v1", Load));
        Assert.Equal("v1", await cache.GetOrLoadAsync("v1", Load));
        Assert.Equal(2, attempts);
    }
}
