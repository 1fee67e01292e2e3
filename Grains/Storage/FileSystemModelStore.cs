namespace AcousticDistill.Grains.Storage;

/// <summary>
/// Model store in a folder: <c>{root}/{id[0..2]}/{id}.adm</c>, manifests in <c>{root}/manifests/{name}.json</c>. Writes go to a temp file in the same folder, are
/// flushed to disk and then renamed into place, so a crash never leaves a half-written artifact under its id.
/// </summary>
public sealed class FileSystemModelStore : IModelStore
{
    private const string Extension = ".adm";
    private const string ManifestFolder = "manifests";
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

    private string PathOf(string id) => Path.Combine(_root, id[..2], id + Extension);
}
