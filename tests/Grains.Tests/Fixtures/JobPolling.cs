namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>Waits on a job's status with a deadline, so a stuck job fails the test instead of hanging it.</summary>
internal static class JobPolling
{
    public static async Task<DistillationJobStatus> UntilAsync(IDistillationJobGrain job, Func<DistillationJobStatus, bool> condition,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var status = await job.GetStatusAsync();
            if (condition(status))
            {
                return status;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {status.JobId} is still at {status.NextStage} ({status.Outcome}): {status.Message}");
            }
            await Task.Delay(50);
        }
    }

    public static Task<DistillationJobStatus> FinishedAsync(IDistillationJobGrain job) => UntilAsync(job, s => s.IsFinished);
}
