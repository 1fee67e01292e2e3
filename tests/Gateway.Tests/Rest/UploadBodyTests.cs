using AcousticDistill.Gateway.Rest;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary>
/// <see cref="UploadBody"/> reads a body into one array of its exact size: with a Content-Length it allocates nothing
/// else of note, so parallel large uploads leave no dead growth arrays on the large-object heap.
/// </summary>
public sealed class UploadBodyTests
{
    private const int Size = 5_000_000;

    [Fact]
    public async Task ReadAsync_DeclaredLength_ReturnsTheBytesAndAllocatesOnlyTheirArray()
    {
        var body = Body(Size);
        await UploadBody.ReadAsync(new MemoryStream(body), body.Length, Size, default); // JIT and first-use costs

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = await UploadBody.ReadAsync(new MemoryStream(body), body.Length, Size, default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(body, read);
        Assert.InRange(allocated, Size, Size + 16_384);
    }

    [Fact]
    public async Task ReadAsync_NoDeclaredLength_ReturnsTheBytesWithoutGrowthCopies()
    {
        var body = Body(Size);
        await UploadBody.ReadAsync(new MemoryStream(body), null, Size, default);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = await UploadBody.ReadAsync(new MemoryStream(body), null, Size, default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(body, read);
        // A growing MemoryStream allocates about three times the body (each doubling, then the copy); here the result,
        // plus the 64 KB blocks the shared pool cannot hold at once (small-object heap, short-lived).
        Assert.InRange(allocated, Size, Size * 5 / 4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOverTheLimit_ReturnsNull(bool declared)
    {
        var body = Body(200_000);

        var read = await UploadBody.ReadAsync(new MemoryStream(body), declared ? body.Length : null, 199_999, default);

        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_BodyLongerThanDeclared_ReturnsNull()
    {
        var read = await UploadBody.ReadAsync(new MemoryStream(Body(1_000)), 500, 10_000, default);

        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_ReturnsEmpty()
    {
        Assert.Empty((await UploadBody.ReadAsync(new MemoryStream(), 0, 10_000, default))!);
        Assert.Empty((await UploadBody.ReadAsync(new MemoryStream(), null, 10_000, default))!);
    }

    private static byte[] Body(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
