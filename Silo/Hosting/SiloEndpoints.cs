using System.Net;
using Orleans.Configuration;

namespace AcousticDistill.Silo.Hosting;

/// <summary>
/// The addresses a silo with Redis clustering advertises and listens on. It listens on its advertised address only
/// (in Kubernetes the pod IP), not on every address of the host, unless <see cref="SiloHostOptions.ListenOnAnyAddress"/>
/// asks for it: the Orleans ports carry no authentication, so they should be open on no more interfaces than needed.
/// </summary>
public static class SiloEndpoints
{
    /// <summary>Sets the advertised address, the ports and the listening endpoints of <paramref name="endpoints"/>.</summary>
    public static void Configure(EndpointOptions endpoints, SiloHostOptions options)
    {
        var advertised = AdvertisedAddress(options);
        var listen = options.ListenOnAnyAddress ? IPAddress.Any : advertised;
        endpoints.AdvertisedIPAddress = advertised;
        endpoints.SiloPort = options.SiloPort;
        endpoints.GatewayPort = options.GatewayPort;
        endpoints.SiloListeningEndpoint = new IPEndPoint(listen, options.SiloPort);
        endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, options.GatewayPort);
    }

    /// <summary><see cref="SiloHostOptions.AdvertisedAddress"/>, else <c>POD_IP</c>, else 127.0.0.1; a clear error when it is no IP address.</summary>
    public static IPAddress AdvertisedAddress(SiloHostOptions options)
    {
        var text = options.AdvertisedAddress ?? Environment.GetEnvironmentVariable("POD_IP") ?? "127.0.0.1";
        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"Silo:AdvertisedAddress '{text}' is not an IP address.");
    }
}
