using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>
/// Grain storage that outlives a cluster (a stand-in for Redis in tests): states are deep copies kept in a dictionary
/// owned by the test, so a second cluster started after the first stops reads what the first wrote — and only that.
/// </summary>
public sealed class SurvivingGrainStorage(ConcurrentDictionary<string, object> states, DeepCopier copier) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored);
            grainState.RecordExists = true;
            grainState.ETag = "1";
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        states[Key(stateName, grainId)] = copier.Copy(grainState.State)!;
        grainState.RecordExists = true;
        grainState.ETag = "1";
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        states.TryRemove(Key(stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
