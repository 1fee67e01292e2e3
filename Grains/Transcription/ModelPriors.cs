using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Grains.Storage;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Class priors of stored models, kept beside the artifact as a model-store manifest (<c>priors-ID.json</c>): the
/// decoder divides them out of the posteriors. A model stored without them is scored with uniform priors.
/// </summary>
public static class ModelPriors
{
    /// <summary>Manifest name of a model's priors.</summary>
    public static string ManifestName(string modelId) => $"priors-{modelId}.json";

    /// <summary>Stores <paramref name="priors"/> for <paramref name="modelId"/>.</summary>
    public static Task SaveAsync(IModelStore store, string modelId, ClassPriors priors, CancellationToken cancellationToken = default) =>
        store.PutManifestAsync(ManifestName(modelId), priors.ToJson(), cancellationToken);

    /// <summary>The stored priors of <paramref name="modelId"/>, or uniform priors when none were stored.</summary>
    public static async Task<ClassPriors> LoadAsync(IModelStore store, string modelId, int classes, CancellationToken cancellationToken = default)
    {
        var json = await store.GetManifestAsync(ManifestName(modelId), cancellationToken);
        return json is null ? ClassPriors.Uniform(classes) : ClassPriors.Parse(json, classes, ManifestName(modelId));
    }
}
