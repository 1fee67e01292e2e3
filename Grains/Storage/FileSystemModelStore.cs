using System.Security.Cryptography;

namespace AcousticDistill.Grains.Storage;

/// <summary>
/// Model store in a folder: <c>{root}/{id[0..2]}/{id}.adm</c>, manifests in <c>{root}/manifests/{name}.json</c>, blobs in
/// <c>{root}/blobs/{id[0..2]}/{id}.bin</c>. Writes go to a temp file on the same volume, are flushed to disk and then renamed
/// into place, so a crash never leaves a half-written artifact or blob under its id.
/// </summary>
public sealed class FileSystemModelStore : IModelStore
{
    private const string Extension = ".adm";
    private const string ManifestFolder = "manifests";
    private const string BlobFolder = "blobs";
    private const string BlobExtension = ".bin";
    private const int CopyBuffer = 1 << 20;
    private readonly string _root;

    /// <summary>A store rooted at <paramref name="root"/> (created when missing).</summary>
    public FileSystemModelStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken = default)
    {
        if (artifact.IsEmpty)
        {
            throw new ModelStoreException("Refusing to store an empty artifact.");
        }
        var id = ModelId.Of(artifact.Span);
        var path = PathOf(id);
        if (File.Exists(path) && new FileInfo(path).Length == artifact.Length)
        {
            return id;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteAtomicallyAsync(path, artifact, cancellationToken);
        return id;
    }

    /// <inheritdoc />
    public async Task<byte[]> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ModelId.Validate(id);
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            throw new ModelStoreException($"Model {id} is not in the store at '{_root}'.");
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var actual = ModelId.Of(bytes);
        if (actual != id)
        {
            throw new ModelStoreException($"Model {id} is corrupt: its bytes hash to {actual}. Refusing to use it.");
        }
        return bytes;
    }

    /// <inheritdoc />
    public Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(ModelId.IsValid(id) && File.Exists(PathOf(id)));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> ids = Directory.EnumerateFiles(_root, "*" + Extension, SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(ModelId.IsValid)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(ids);
    }

    /// <inheritdoc />
    public async Task<string> PutBlobAsync(string path, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, BlobFolder);
        Directory.CreateDirectory(folder);
        // The id is known only once the bytes are read, so the copy goes to the blob folder and is renamed into its
        // sub-folder (same volume): one read of a file that may be large.
        var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            string id;
            await using (var source = OpenRead(path))
            {
                if (source.Length == 0)
                {
                    throw new ModelStoreException($"Refusing to store an empty blob ('{path}').");
                }
                id = await CopyHashingAsync(source, temp, cancellationToken);
            }
            var target = BlobPath(id);
            if (!File.Exists(target) || new FileInfo(target).Length != new FileInfo(temp).Length)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temp, target, overwrite: true);
            }
            return id;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public async Task GetBlobAsync(string id, string path, CancellationToken cancellationToken = default)
    {
        ModelId.Validate(id);
        var source = BlobPath(id);
        if (!File.Exists(source))
        {
            throw new ModelStoreException($"Blob {id} is not in the store at '{_root}'.");
        }
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            string actual;
            await using (var input = OpenRead(source))
            {
                actual = await CopyHashingAsync(input, temp, cancellationToken);
            }
            if (actual != id)
            {
                throw new ModelStoreException($"Blob {id} is corrupt: its bytes hash to {actual}. Refusing to use it.");
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public Task<bool> ContainsBlobAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(ModelId.IsValid(id) && File.Exists(BlobPath(id)));

    /// <inheritdoc />
    public async Task PutManifestAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = ManifestPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteAtomicallyAsync(path, content, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetManifestAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = ManifestPath(name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    private string ManifestPath(string name)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith('.') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ModelStoreException($"'{name}' is not a manifest name (letters, digits, '.', '_', '-'; not starting with '.').");
        }
        return Path.Combine(_root, ManifestFolder, name + ".json");
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // Copies source to a new file at temp, flushed to disk, and returns the SHA-256 of what was copied.
    private static async Task<string> CopyHashingAsync(Stream source, string temp, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBuffer];
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer, useAsync: true))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            file.Flush(flushToDisk: true);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, useAsync: true);

    private string BlobPath(string id) => Path.Combine(_root, BlobFolder, id[..2], id + BlobExtension);

    private string PathOf(string id) => Path.Combine(_root, id[..2], id + Extension);
}
