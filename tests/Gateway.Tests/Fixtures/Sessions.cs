using Orleans.Runtime;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>Counts live transcription session activations in the cluster (to prove streams leave nothing behind).</summary>
public static class Sessions
{
    /// <summary>Active <c>TranscriptionSessionGrain</c> activations now.</summary>
    public static async Task<int> ActiveAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("TranscriptionSessionGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for no session to be active; returns the last count seen.</summary>
    public static async Task<int> WaitForNoneAsync(IGrainFactory grains, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int active;
        while ((active = await ActiveAsync(grains)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return active;
    }
}
