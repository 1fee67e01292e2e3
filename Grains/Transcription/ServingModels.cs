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
    private readonly VersionCache<ServingModel> _loaded = new(LoadedVersionLimit);

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
        return await _loaded.GetOrLoadAsync(versionId, id => Task.Run(() => LoadAsync(family, id)), cancellationToken);
    }

    private async Task<ServingModel> LoadAsync(string family, string versionId)
    {
        var bytes = await store.GetAsync(versionId);
        var artifact = ModelArtifact.Deserialize(bytes, $"model {versionId}");
        var scorer = new AcousticScorer(artifact, new AcousticScoringOptions
        {
            AcousticScale = options.Value.AcousticScale ?? artifact.Metadata.Decoding?.AcousticScale ?? 1f,
        });
        // The same network with the scale tuned for the open-vocabulary search, when the model has one.
        var openScale = options.Value.AcousticScale ?? artifact.Metadata.OpenVocabularyDecoding?.AcousticScale;
        var openScorer = openScale is { } scale
            ? new AcousticScorer(artifact, new AcousticScoringOptions { AcousticScale = scale })
            : null;
        logger.LogInformation("Family {Family}: loaded serving version {Version} ({Rate} Hz, priors: {Priors})",
            family, versionId, scorer.SampleRate, scorer.Priors.Source);
        return new ServingModel(family, versionId, scorer, openScorer);
    }
}
