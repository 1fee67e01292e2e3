using System.Net.Sockets;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>
/// Connections from another loopback address, 127.0.0.<i>n</i> (Linux delivers all of 127.0.0.0/8 on the loopback
/// interface), so that one test process can be several clients of the Gateway's per-address limits.
/// </summary>
public sealed class LoopbackSource : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    /// <summary>Connections that come from 127.0.0.<paramref name="n"/>.</summary>
    public LoopbackSource(byte n)
    {
        Address = new IPAddress([127, 0, 0, n]);
        _handler = new SocketsHttpHandler { ConnectCallback = ConnectAsync };
    }

    /// <summary>The source address.</summary>
    public IPAddress Address { get; }

    /// <summary>What HTTP clients and WebSockets send through.</summary>
    public HttpMessageInvoker Invoker => new(_handler, disposeHandler: false);

    /// <summary>An HTTP client of <paramref name="gateway"/> whose requests come from <see cref="Address"/>.</summary>
    public HttpClient Http(GatewayFixture gateway) =>
        new(_handler, disposeHandler: false) { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc />
    public void Dispose() => _handler.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(Address, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
