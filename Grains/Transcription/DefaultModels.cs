using AcousticDistill.Grains.Distillation;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Gives each serving family a first model when it has none: <c>FAMILY.admodel</c> (with its class priors inside) from a
/// folder of default models is stored, registered and promoted. A default model without priors is refused before it is
/// stored. Families that already serve are left alone, so a restart never replaces a promoted version.
/// </summary>
public sealed class DefaultModels(IGrainFactory grains, IModelStore store, ILogger<DefaultModels> logger)
{
    /// <summary>File name of a family's default model.</summary>
    public static string FileName(string family) => family + ".admodel";

    /// <summary>Seeds <paramref name="families"/> from <paramref name="directory"/>; returns the families now serving a default model.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(IEnumerable<string> families, string directory, CancellationToken cancellationToken = default)
    {
        var seeded = new List<string>();
        foreach (var family in families)
        {
            var registry = grains.GetGrain<IModelRegistryGrain>(family);
            if (await registry.GetServingAsync(cancellationToken) is not null)
            {
                continue;
            }
            var path = Path.Combine(directory, FileName(family));
            if (!File.Exists(path))
            {
                logger.LogWarning("Family {Family} has no serving model and no default model at {Path}; its streams are refused until a version is promoted",
                    family, path);
                continue;
            }
            var version = await StoreAsync(family, path, cancellationToken);
            await registry.RegisterAsync(version, cancellationToken);
            var decision = await registry.PromoteAsync(version.Id, cancellationToken);
            logger.LogInformation("Family {Family}: default model {Version} from {Path} ({Reason})", family, version.Id, path, decision.Reason);
            seeded.Add(family);
        }
        return seeded;
    }

    private async Task<ModelVersion> StoreAsync(string family, string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var artifact = ModelArtifact.Deserialize(bytes, path);
        var metadata = artifact.Metadata;
        if (metadata.Family != family)
        {
            throw new InvalidOperationException($"Default model {path} belongs to family '{metadata.Family}', not '{family}'.");
        }
        if (metadata.Priors is null)
        {
            throw AcousticScorer.MissingPriors($"Default model {path}");
        }
        var id = await store.PutAsync(bytes, cancellationToken);
        metadata.Metrics.TryGetValue(TrainedModelMetadata.DevFrameAccuracy, out var devAccuracy);
        metadata.Metrics.TryGetValue(TrainedModelMetadata.TrainFramesPerSecond, out var framesPerSecond);
        var metrics = new ModelMetrics(devAccuracy, null, metadata.Architecture.ParameterCount, bytes.Length, framesPerSecond);
        return new ModelVersion(id, family, RegistryRecords.Lineage(metadata.Lineage), metrics);
    }
}
