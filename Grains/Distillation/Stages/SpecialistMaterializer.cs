using AcousticDistill.Acoustic.Specialists;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Writes a generalist and its specialists from the model store (hash-checked on read) into a specialist folder the
/// library can load, byte for byte, so the folder's hashes are the store's ids. Skips the work when the folder already
/// indexes exactly these artifacts (a resumed job).
/// </summary>
public static class SpecialistMaterializer
{
    /// <summary>Makes <paramref name="directory"/> the specialist set of <paramref name="generalistId"/> and <paramref name="specialistIds"/>, in order.</summary>
    public static async Task WriteAsync(IModelStore store, string generalistId, IReadOnlyList<string> specialistIds, string directory,
        CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(directory, SpecialistDirectory.IndexFileName))
            && SpecialistDirectory.MemberHashes(directory).SequenceEqual([generalistId, .. specialistIds]))
        {
            return;
        }
        var generalist = await store.GetAsync(generalistId, cancellationToken);
        var specialists = new List<byte[]>();
        foreach (var id in specialistIds)
        {
            specialists.Add(await store.GetAsync(id, cancellationToken));
        }
        SpecialistDirectory.Save(directory, generalist, specialists);
    }
}
