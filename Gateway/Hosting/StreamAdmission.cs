namespace AcousticDistill.Gateway.Hosting;

/// <summary>Counts open streams against <see cref="StreamLimits.MaxConcurrentStreams"/>; a stream holds its slot until disposed.</summary>
public sealed class StreamAdmission(Microsoft.Extensions.Options.IOptions<GatewayOptions> options)
{
    private int _open;

    /// <summary>Streams open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>A slot for one stream, or null when the limit is reached.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _open) > options.Value.Limits.MaxConcurrentStreams)
        {
            Interlocked.Decrement(ref _open);
            return null;
        }
        return new Slot(this);
    }

    private sealed class Slot(StreamAdmission owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._open);
            }
        }
    }
}
