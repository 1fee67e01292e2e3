using System.Buffers;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// Reads an upload's body into one array of its exact size. With a Content-Length (the usual case) that is the only
/// allocation; a chunked body is gathered in pooled blocks first. A growing <see cref="MemoryStream"/> would leave
/// about three times the body's size of dead arrays on the large-object heap per upload (each doubling, then the
/// final copy), which is what fragmented the heap under parallel 50 MB uploads.
/// </summary>
public static class UploadBody
{
    // Pooled blocks for chunked bodies: under the large-object threshold, so even the blocks the pool cannot hold (a
    // large body rents more than it keeps) are short-lived small objects, never large-object-heap garbage.
    private const int BlockBytes = 64 * 1024;

    /// <summary>The body's bytes; null when it is longer than <paramref name="limit"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentLength">The declared length, if any; a body that disagrees with it is read as it comes.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public static async Task<byte[]?> ReadAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return contentLength is { } length and <= int.MaxValue
                ? await ReadDeclaredAsync(body, (int)length, limit, cancellationToken)
                : await ReadChunkedAsync(body, limit, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's limit is the same setting; it may notice a chunked body's excess first.
            return null;
        }
    }

    private static async Task<byte[]?> ReadDeclaredAsync(Stream body, int length, long limit, CancellationToken cancellationToken)
    {
        if (length > limit)
        {
            return null;
        }
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        var read = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken);
        if (read < length)
        {
            // Kestrel ends a body shorter than its Content-Length with an error; a test server may not.
            return bytes[..read];
        }
        // A body longer than declared: Kestrel refuses it, so this is only a defence.
        var probe = new byte[1];
        return await body.ReadAsync(probe, cancellationToken) == 0 ? bytes : null;
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var blocks = new List<byte[]>();
        long total = 0;
        try
        {
            while (true)
            {
                var block = ArrayPool<byte>.Shared.Rent(BlockBytes);
                blocks.Add(block);
                var read = await body.ReadAtLeastAsync(block.AsMemory(0, BlockBytes), BlockBytes, throwOnEndOfStream: false, cancellationToken);
                total += read;
                if (total > limit)
                {
                    return null;
                }
                if (read < BlockBytes)
                {
                    return Join(blocks, (int)total);
                }
            }
        }
        finally
        {
            foreach (var block in blocks)
            {
                ArrayPool<byte>.Shared.Return(block);
            }
        }
    }

    private static byte[] Join(List<byte[]> blocks, int total)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(total);
        var position = 0;
        foreach (var block in blocks)
        {
            var count = Math.Min(BlockBytes, total - position);
            block.AsSpan(0, count).CopyTo(bytes.AsSpan(position));
            position += count;
        }
        return bytes;
    }
}
