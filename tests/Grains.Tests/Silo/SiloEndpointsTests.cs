using System.Net;
using AcousticDistill.Silo.Hosting;
using Orleans.Configuration;

namespace AcousticDistill.Grains.Tests.Silo;

public sealed class SiloEndpointsTests
{
    [Fact]
    public void Configure_Default_ListensOnTheAdvertisedAddressOnly()
    {
        var endpoints = new EndpointOptions();

        SiloEndpoints.Configure(endpoints, new SiloHostOptions { AdvertisedAddress = "10.1.2.3", SiloPort = 11111, GatewayPort = 30000 });

        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal((11111, 30000), (endpoints.SiloPort, endpoints.GatewayPort));
    }

    [Fact]
    public void Configure_ListenOnAnyAddress_ListensEverywhereButAdvertisesTheAddress()
    {
        var endpoints = new EndpointOptions();

        SiloEndpoints.Configure(endpoints, new SiloHostOptions { AdvertisedAddress = "10.1.2.3", ListenOnAnyAddress = true, SiloPort = 12000, GatewayPort = 31000 });

        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 12000), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 31000), endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void Configure_AdvertisedAddressNotAnIp_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SiloEndpoints.Configure(new EndpointOptions(), new SiloHostOptions { AdvertisedAddress = "silo-0.local" }));

        Assert.Contains("Silo:AdvertisedAddress 'silo-0.local' is not an IP address", error.Message);
    }
}
