namespace AcousticDistill.Acoustic.Tests.Audio;

/// <summary>
/// Passes reads and seeks through to another stream, counting them; past <paramref name="limit"/> calls it sets
/// <see cref="LimitExceeded"/> and fails every further call, so a decoder loop that makes no progress ends
/// (deterministically, whatever the machine's speed) instead of hanging a test.
/// </summary>
internal sealed class WorkCountingStream(Stream inner, long limit) : Stream
{
    /// <summary>Reads, seeks and position changes made so far.</summary>
    public long Calls { get; private set; }

    /// <summary>Whether the caller went past the limit.</summary>
    public bool LimitExceeded { get; private set; }

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            Count();
            inner.Position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Count();
        return inner.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        Count();
        return inner.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Count();
        return inner.Seek(offset, origin);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Count()
    {
        if (++Calls > limit)
        {
            LimitExceeded = true;
            throw new IOException($"more than {limit} stream calls");
        }
    }
}
