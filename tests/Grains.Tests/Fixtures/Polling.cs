namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>
/// Waits on a grain's state with a deadline, so a stuck grain fails the test with what it last reported instead of
/// hanging it.
/// </summary>
internal static class Polling
{
    /// <summary>Reads until <paramref name="condition"/> holds; past the deadline, throws with <paramref name="describe"/> of the last read.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, Func<T, string> describe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting after {timeout}: {describe(value)}");
            }
            await Task.Delay(50);
        }
    }
}

/// <summary>Waits on a distillation job's status.</summary>
internal static class JobPolling
{
    public static Task<DistillationJobStatus> UntilAsync(IDistillationJobGrain job, Func<DistillationJobStatus, bool> condition,
        TimeSpan? timeout = null) =>
        Polling.UntilAsync(() => job.GetStatusAsync(), condition,
            status => $"job {status.JobId} is at {status.NextStage} ({status.Outcome}): {status.Message}", timeout ?? TimeSpan.FromMinutes(3));

    public static Task<DistillationJobStatus> FinishedAsync(IDistillationJobGrain job) => UntilAsync(job, s => s.IsFinished);
}
