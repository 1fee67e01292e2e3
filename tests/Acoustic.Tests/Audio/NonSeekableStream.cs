namespace AcousticDistill.Acoustic.Tests.Audio;

/// <summary>
/// A read-only, forward-only view of bytes, like a pipe or a network body, that hands out at most 1000 bytes a read;
/// with <paramref name="failAfter"/>, its device fails once that many bytes are read, as a disk or socket can.
/// </summary>
internal sealed class NonSeekableStream(byte[] bytes, int? failAfter = null) : Stream
{
    private const int MaxBytesPerRead = 1000;

    private readonly MemoryStream _inner = new(bytes, writable: false);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, MaxBytesPerRead);
        if (failAfter is { } limit)
        {
            if (_inner.Position >= limit)
            {
                throw new IOException("device unplugged");
            }
            count = Math.Min(count, limit - (int)_inner.Position);
        }
        return _inner.Read(buffer[..count]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
