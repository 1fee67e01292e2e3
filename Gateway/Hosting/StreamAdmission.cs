using System.Collections.Concurrent;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// Counts open streams and recognitions (WebSocket and REST alike) against <see cref="StreamLimits.MaxConcurrentStreams"/>
/// and, per client (<see cref="ApiKeys.Client"/>), against <see cref="SecurityOptions.MaxStreamsPerClient"/>; each holds
/// its slots until disposed. Callers check keys first, so a refused key never takes a slot.
/// </summary>
public sealed class StreamAdmission(IOptions<GatewayOptions> gateway, IOptions<SecurityOptions> security)
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Streams and recognitions holding a slot now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Slots for one stream of <paramref name="client"/>, or the reason there are none.</summary>
    public (IDisposable? Slot, string? Refusal) TryEnter(string client)
    {
        var perClientLimit = security.Value.MaxStreamsPerClient;
        if (perClientLimit > 0 && _perClient.AddOrUpdate(client, 1, (_, n) => n + 1) > perClientLimit)
        {
            Leave(client);
            return (null, $"this client (its stream key, else its address) already has {perClientLimit} streams or recognitions open "
                + "(Security:MaxStreamsPerClient); retry when one ends.");
        }
        if (Interlocked.Increment(ref _open) > gateway.Value.Limits.MaxConcurrentStreams)
        {
            Interlocked.Decrement(ref _open);
            if (perClientLimit > 0)
            {
                Leave(client);
            }
            return (null, $"this gateway already serves {gateway.Value.Limits.MaxConcurrentStreams} streams and recognitions "
                + "(Gateway:Limits:MaxConcurrentStreams); retry later.");
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
