namespace AcousticDistill.Grains.Storage;

/// <summary>
/// Content-addressed storage of model artifacts (and of blobs: large intermediate results of jobs): an id is the
/// lower-case hex SHA-256 of the bytes. Reads verify the hash, so a damaged artifact is refused instead of served.
/// Implementations: the file system here; a shared store (Redis, object storage) for several silos can implement the
/// same contract.
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
    /// Stores the file at <paramref name="path"/> as a content-addressed blob (idempotent) and returns its id: a large
    /// intermediate result, such as a distillation job's soft targets, that another silo may need. Streamed, never held in
    /// memory; kept apart from the artifacts (<see cref="ListAsync"/> does not list blobs).
    /// </summary>
    Task<string> PutBlobAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies blob <paramref name="id"/> to <paramref name="path"/> (which appears complete or not at all), checking its hash
    /// on the way; <see cref="ModelStoreException"/> when it is missing or its bytes no longer match its id.
    /// </summary>
    Task GetBlobAsync(string id, string path, CancellationToken cancellationToken = default);

    /// <summary>True if a blob with this id is stored (without reading it).</summary>
    Task<bool> ContainsBlobAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a small named manifest (e.g. a family's registry) atomically, replacing the previous one; manifests let
    /// in-memory grain state be rebuilt from the store after a restart. Names: letters, digits, '.', '_', '-'.
    /// </summary>
    Task PutManifestAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The manifest's content, or null when there is none.</summary>
    Task<byte[]?> GetManifestAsync(string name, CancellationToken cancellationToken = default);
}
