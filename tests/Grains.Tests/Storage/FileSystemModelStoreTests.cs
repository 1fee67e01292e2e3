using System.Security.Cryptography;
using AcousticDistill.Grains.Storage;

namespace AcousticDistill.Grains.Tests.Storage;

public sealed class FileSystemModelStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "model-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Put_Bytes_ReturnsTheirSha256AndReadsBack()
    {
        var store = new FileSystemModelStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(4096);

        var id = await store.PutAsync(bytes);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), id);
        Assert.Equal(bytes, await store.GetAsync(id));
        Assert.True(await store.ContainsAsync(id));
    }

    [Fact]
    public async Task Put_SameBytesTwice_StoresOneArtifactAndLeavesNoTempFiles()
    {
        var store = new FileSystemModelStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(100);

        var first = await store.PutAsync(bytes);
        var second = await store.PutAsync(bytes);

        Assert.Equal(first, second);
        Assert.Equal([first], await store.ListAsync());
        Assert.Empty(Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Get_CorruptedArtifact_IsRefusedByHash()
    {
        var store = new FileSystemModelStore(_root);
        var id = await store.PutAsync(RandomNumberGenerator.GetBytes(256));
        var path = Directory.EnumerateFiles(_root, id + ".adm", SearchOption.AllDirectories).Single();
        var damaged = await File.ReadAllBytesAsync(path);
        damaged[100] ^= 0x40;
        await File.WriteAllBytesAsync(path, damaged);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => store.GetAsync(id));

        Assert.Contains("corrupt", error.Message);
        Assert.Contains(id, error.Message);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_FailsWithClearError()
    {
        var store = new FileSystemModelStore(_root);

        var unknown = await Assert.ThrowsAsync<ModelStoreException>(() => store.GetAsync(new string('a', 64)));
        var malformed = await Assert.ThrowsAsync<ModelStoreException>(() => store.GetAsync("../../etc/passwd"));

        Assert.Contains("not in the store", unknown.Message);
        Assert.Contains("not a model id", malformed.Message);
    }

    [Fact]
    public async Task List_SeveralArtifacts_ReturnsSortedIds()
    {
        var store = new FileSystemModelStore(_root);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await store.PutAsync(RandomNumberGenerator.GetBytes(32)));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), await store.ListAsync());
    }

    [Fact]
    public async Task Manifest_PutTwice_ReadsLatestAndStaysOutOfArtifactList()
    {
        var store = new FileSystemModelStore(_root);

        await store.PutManifestAsync("registry.en-16k", "{\"a\":1}"u8.ToArray());
        await store.PutManifestAsync("registry.en-16k", "{\"a\":2}"u8.ToArray());

        Assert.Equal("{\"a\":2}"u8.ToArray(), await store.GetManifestAsync("registry.en-16k"));
        Assert.Null(await store.GetManifestAsync("registry.en-8k"));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task Manifest_NameWithPathCharacters_IsRefused()
    {
        var store = new FileSystemModelStore(_root);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => store.PutManifestAsync("../escape", new byte[] { 1 }));

        Assert.Contains("not a manifest name", error.Message);
    }

    [Fact]
    public async Task Blob_PutFromFile_IsItsSha256_ReadsBackWhole_AndStaysOutOfArtifactList()
    {
        var store = new FileSystemModelStore(_root);
        var bytes = RandomNumberGenerator.GetBytes(3 << 20);
        var source = WriteTemp(bytes);

        var id = await store.PutBlobAsync(source);
        var again = await store.PutBlobAsync(source);
        var copy = Path.Combine(_root, "elsewhere", "copy.bin");
        await store.GetBlobAsync(id, copy);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), id);
        Assert.Equal(id, again);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(copy));
        Assert.True(await store.ContainsBlobAsync(id));
        Assert.False(await store.ContainsAsync(id));
        Assert.Empty(await store.ListAsync());
        Assert.Empty(Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Blob_Corrupted_IsRefusedByHashAndLeavesNoFile()
    {
        var store = new FileSystemModelStore(_root);
        var id = await store.PutBlobAsync(WriteTemp(RandomNumberGenerator.GetBytes(1000)));
        var path = Directory.EnumerateFiles(Path.Combine(_root, "blobs"), id + ".bin", SearchOption.AllDirectories).Single();
        var damaged = await File.ReadAllBytesAsync(path);
        damaged[10] ^= 0x01;
        await File.WriteAllBytesAsync(path, damaged);
        var copy = Path.Combine(_root, "copy.bin");

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => store.GetBlobAsync(id, copy));

        Assert.Contains("corrupt", error.Message);
        Assert.False(File.Exists(copy));
        Assert.Empty(Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Blob_Unknown_FailsWithClearErrorAndIsNotContained()
    {
        var store = new FileSystemModelStore(_root);
        var unknown = new string('e', 64);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => store.GetBlobAsync(unknown, Path.Combine(_root, "copy.bin")));

        Assert.Contains("not in the store", error.Message);
        Assert.False(await store.ContainsBlobAsync(unknown));
        Assert.False(await store.ContainsBlobAsync("../../etc/passwd"));
    }

    private string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(_root, "source-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
