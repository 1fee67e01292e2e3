using System.Collections.Concurrent;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// The serving model of each family on this silo. Sessions ask on every chunk; the registry is asked at most once per
/// <see cref="TranscriptionOptions.ServingRefresh"/> per family, and each version is loaded once (off the caller's
/// turn) and shared, so a promotion reaches every session within the refresh time at the cost of one load.
/// </summary>
public sealed class ServingModels(
    IGrainFactory grains,
    IModelStore store,
    IOptions<TranscriptionOptions> options,
    ILogger<ServingModels> logger)
{
    // Versions kept loaded: the serving ones plus a few recent ones that sessions may still be switching away from.
    private const int LoadedVersionLimit = 6;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Checked, string VersionId)> _serving = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ServingModel>>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The family's serving model; <see cref="InvalidOperationException"/> when the family has none.</summary>
    public async Task<ServingModel> GetAsync(string family, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        string versionId;
        if (_serving.TryGetValue(family, out var known) && now - known.Checked < options.Value.ServingRefresh)
        {
            versionId = known.VersionId;
        }
        else
        {
            var serving = await grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync(cancellationToken)
                          ?? throw new InvalidOperationException($"Model family '{family}' has no serving model yet.");
            versionId = serving.Id;
            _serving[family] = (now, versionId);
        }
        var load = _loaded.GetOrAdd(versionId, id => new Lazy<Task<ServingModel>>(() => Task.Run(() => LoadAsync(family, id))));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.IsValueCreated && load.Value.IsFaulted)
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<ServingModel>>>(versionId, load));
            throw;
        }
    }

    private async Task<ServingModel> LoadAsync(string family, string versionId)
    {
        var bytes = await store.GetAsync(versionId);
        var artifact = ModelArtifact.Deserialize(bytes, $"model {versionId}");
        var scorer = new AcousticScorer(artifact, new AcousticScoringOptions { AcousticScale = options.Value.AcousticScale });
        logger.LogInformation("Family {Family}: loaded serving version {Version} ({Rate} Hz, priors: {Priors})",
            family, versionId, scorer.SampleRate, scorer.Priors.Source);
        EvictOldVersions(versionId);
        return new ServingModel(family, versionId, scorer);
    }

    private void EvictOldVersions(string keep)
    {
        var serving = _serving.Values.Select(v => v.VersionId).Append(keep).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _loaded.Keys.Where(id => !serving.Contains(id)).ToList())
        {
            if (_loaded.Count <= LoadedVersionLimit)
            {
                break;
            }
            _loaded.TryRemove(id, out _);
        }
    }
}
