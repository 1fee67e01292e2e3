namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>
/// Waits on a condition instead of a fixed time: polls until it holds, and fails with a message naming what never
/// happened once the deadline passes. Fast when the system is fast, patient when the machine is busy.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The first non-null value <paramref name="probe"/> returns within <paramref name="timeout"/>; fails naming <paramref name="what"/>.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Within {timeout.TotalSeconds:0.#} s, {what}.");
            }
            await Task.Delay(s_poll);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds, within <paramref name="timeout"/>; fails naming <paramref name="what"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ValueAsync(async () => await condition() ? "" : null, timeout, what);
}
