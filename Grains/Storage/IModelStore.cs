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
}
