using System.Net.Sockets;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>Free loopback TCP ports for the programs a test starts.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
