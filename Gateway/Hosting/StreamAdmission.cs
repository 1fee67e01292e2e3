using System.Collections.Concurrent;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// Counts open streams against <see cref="StreamLimits.MaxConcurrentStreams"/> and, per client, against
/// <see cref="SecurityOptions.MaxStreamsPerClient"/>; a stream holds its slots until disposed.
/// </summary>
public sealed class StreamAdmission(IOptions<GatewayOptions> gateway, IOptions<SecurityOptions> security)
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Slots for one stream of <paramref name="client"/>, or the reason there are none.</summary>
    public (IDisposable? Slot, string? Refusal) TryEnter(string client)
    {
        var perClientLimit = security.Value.MaxStreamsPerClient;
        if (perClientLimit > 0 && _perClient.AddOrUpdate(client, 1, (_, n) => n + 1) > perClientLimit)
        {
            Leave(client);
            return (null, $"this client already has {perClientLimit} streams open (Security:MaxStreamsPerClient).");
        }
        if (Interlocked.Increment(ref _open) > gateway.Value.Limits.MaxConcurrentStreams)
        {
            Interlocked.Decrement(ref _open);
            if (perClientLimit > 0)
            {
                Leave(client);
            }
            return (null, $"this gateway already serves {gateway.Value.Limits.MaxConcurrentStreams} streams; retry later.");
        }
        return (new Slot(this, perClientLimit > 0 ? client : null), null);
    }

    private void Leave(string client)
    {
        if (_perClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
        {
            _perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    private sealed class Slot(StreamAdmission owner, string? client) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._open);
                if (client is not null)
                {
                    owner.Leave(client);
                }
            }
        }
    }
}
