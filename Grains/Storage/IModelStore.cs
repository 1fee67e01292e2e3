namespace AcousticDistill.Grains.Storage;

/// <summary>
/// Content-addressed storage of model artifacts: an artifact's id is the lower-case hex SHA-256 of its bytes.
/// Reads verify the hash, so a damaged artifact is refused instead of served. Implementations: the file system
/// here; a shared store (Redis, object storage) for several silos can implement the same contract.
/// </summary>
public interface IModelStore
{
    /// <summary>Stores <paramref name="artifact"/> (idempotent) and returns its id.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken = default);

    /// <summary>The artifact's bytes; <see cref="ModelStoreException"/> when it is missing or its bytes no longer match its id.</summary>
    Task<byte[]> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>True if an artifact with this id is stored (without reading it).</summary>
    Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Ids of every stored artifact, sorted.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a small named manifest (e.g. a family's registry) atomically, replacing the previous one; manifests let
    /// in-memory grain state be rebuilt from the store after a restart. Names: letters, digits, '.', '_', '-'.
    /// </summary>
    Task PutManifestAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The manifest's content, or null when there is none.</summary>
    Task<byte[]?> GetManifestAsync(string name, CancellationToken cancellationToken = default);
}
