using System.Net;
using System.Net.Sockets;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>Free loopback TCP ports for the programs a test starts.</summary>
public static class Ports
{
    // A port is chosen now and bound later by another program, so two hazards sit in between. Asking the kernel for
    // port 0 twice may give the same port once the first probe socket is closed (a ci-repeat run gave a Gateway the
    // port just handed to a silo): every port is handed out once per test process. And outgoing connections take their
    // local ports from the kernel's ephemeral range, so the ports come from below it.
    private const int Span = 10_000;
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly Lock s_lock = new();
    private static readonly int s_ephemeralStart = EphemeralStart();

    /// <summary>A port nothing listens on now and that no other call in this process has been given.</summary>
    public static int Free()
    {
        var first = Math.Max(1024, s_ephemeralStart - Span);
        lock (s_lock)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(first, s_ephemeralStart);
                if (!s_handedOut.Contains(port) && Bindable(port))
                {
                    s_handedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port in {first}–{s_ephemeralStart - 1} after 1000 tries.");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux names its ephemeral range in /proc; elsewhere assume the IANA one (49152–65535).
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
        {
            return start;
        }
        return 49152;
    }
}
