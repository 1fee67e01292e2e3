namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// Writes teachers' artifacts from the model store (hash-checked on read) into an ensemble folder the library can
/// load. Skips the work when the folder already indexes exactly these artifacts (a resumed job).
/// </summary>
public static class EnsembleMaterializer
{
    /// <summary>Makes <paramref name="directory"/> an ensemble of <paramref name="artifactIds"/>, in order.</summary>
    public static async Task WriteAsync(IModelStore store, IReadOnlyList<string> artifactIds, string directory,
        CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(directory, EnsembleDirectory.IndexFileName))
            && EnsembleDirectory.MemberHashes(directory).SequenceEqual(artifactIds))
        {
            return;
        }
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        for (var i = 0; i < artifactIds.Count; i++)
        {
            var bytes = await store.GetAsync(artifactIds[i], cancellationToken);
            var file = EnsembleDirectory.MemberFileName(i);
            var temp = Path.Combine(directory, file + ".tmp");
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, Path.Combine(directory, file), overwrite: true);
            files.Add(file);
        }
        EnsembleDirectory.WriteIndex(directory, files);
    }
}
