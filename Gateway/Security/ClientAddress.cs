using System.Net;
using System.Net.Sockets;

namespace AcousticDistill.Gateway.Security;

/// <summary>
/// The per-client identity of a TCP peer that presents no valid stream key: an IPv4 address as it is (also when the
/// server sees it IPv4-mapped), an IPv6 address by its /64 prefix. One host, or one customer's line, is commonly given
/// a whole /64 and can take a fresh address in it for every connection, so counting single IPv6 addresses would let one
/// client open as many streams as it likes.
/// </summary>
public static class ClientAddress
{
    /// <summary><c>ip:ADDRESS</c>, <c>ip:PREFIX/64</c>, or <c>ip:unknown</c> when there is no address (a Unix socket).</summary>
    public static string Identity(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return "ip:" + new IPAddress(bytes) + "/64";
    }
}
