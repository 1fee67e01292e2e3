using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>
/// Who a stream counts against (<see cref="ApiKeys.Client"/>, <see cref="ClientAddress"/>), the per-client default, and
/// <see cref="StreamAdmission"/>'s counting, without a running Gateway.
/// </summary>
public sealed class ClientIdentityTests
{
    [Fact]
    public void Client_NoKeysConfigured_AnyPresentedKeyCountsAsTheAddress()
    {
        var keys = Keys();

        var identities = new[]
        {
            keys.Client(Request("198.51.100.4")),
            keys.Client(Request("198.51.100.4", query: "?api_key=bogus-1")),
            keys.Client(Request("198.51.100.4", query: "?api_key=bogus-2")),
            keys.Client(Request("198.51.100.4", header: ("Authorization", "Bearer bogus-3"))),
            keys.Client(Request("198.51.100.4", header: ("X-Api-Key", "bogus-4"))),
        };

        Assert.All(identities, identity => Assert.Equal("ip:198.51.100.4", identity));
    }

    [Fact]
    public void Client_KeysConfigured_OnlyAConfiguredKeyIsAnIdentity()
    {
        var keys = Keys("key-a", "key-b");

        var a1 = keys.Client(Request("198.51.100.4", header: ("X-Api-Key", "key-a")));
        var a2 = keys.Client(Request("203.0.113.9", query: "?api_key=key-a"));
        var b = keys.Client(Request("198.51.100.4", header: ("Authorization", "Bearer key-b")));
        var madeUp = keys.Client(Request("198.51.100.4", query: "?api_key=bogus-1"));

        Assert.StartsWith("key:", a1, StringComparison.Ordinal);
        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b);
        Assert.Equal("ip:198.51.100.4", madeUp);
        Assert.DoesNotContain("key-a", a1, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientAddress_IPv6_CountsByItsSlash64_IPv4MappedAsIPv4()
    {
        Assert.Equal(ClientAddress.Identity(IPAddress.Parse("2001:db8:1:2:aaaa::1")), ClientAddress.Identity(IPAddress.Parse("2001:db8:1:2:bbbb:cccc:dddd:2")));
        Assert.Equal("ip:2001:db8:1:2::/64", ClientAddress.Identity(IPAddress.Parse("2001:db8:1:2:aaaa::1")));
        Assert.NotEqual(ClientAddress.Identity(IPAddress.Parse("2001:db8:1:2::1")), ClientAddress.Identity(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("ip:203.0.113.7", ClientAddress.Identity(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal("ip:unknown", ClientAddress.Identity(null));
    }

    [Fact]
    public void MaxStreamsPerClient_OnByDefault_NegativeRefusedNamingTheSetting()
    {
        Assert.InRange(new SecurityOptions().MaxStreamsPerClient, 1, new StreamLimits().MaxConcurrentStreams / 10);
        new SecurityOptions { MaxStreamsPerClient = 0 }.Validate();

        var error = Assert.Throws<InvalidOperationException>(() => new SecurityOptions { MaxStreamsPerClient = -1 }.Validate());

        Assert.Contains("Security:MaxStreamsPerClient", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    public void Gateway_BadMaxStreamsPerClient_RefusedAtStartNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create([$"--Security:MaxStreamsPerClient={value}"]));

        Assert.Contains("MaxStreamsPerClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admission_PerClientAndGlobal_RefusalsTakeNothing_DisposeFreesOnce()
    {
        var admission = new StreamAdmission(Options.Create(new GatewayOptions { Limits = { MaxConcurrentStreams = 3 } }),
            Options.Create(new SecurityOptions { MaxStreamsPerClient = 2 }));

        var a1 = admission.TryEnter("ip:a").Slot!;
        var a2 = admission.TryEnter("ip:a").Slot!;
        var a3 = admission.TryEnter("ip:a");
        var b1 = admission.TryEnter("ip:b").Slot!;
        var b2 = admission.TryEnter("ip:b");
        Assert.Null(a3.Slot);
        Assert.Contains("Security:MaxStreamsPerClient", a3.Refusal, StringComparison.Ordinal);
        Assert.Null(b2.Slot);
        Assert.Contains("Gateway:Limits:MaxConcurrentStreams", b2.Refusal, StringComparison.Ordinal);
        Assert.Equal(3, admission.Open);

        a1.Dispose();
        a1.Dispose();
        Assert.Equal(2, admission.Open);
        Assert.NotNull(admission.TryEnter("ip:b").Slot);
        Assert.Null(admission.TryEnter("ip:b").Slot);
        a2.Dispose();
        b1.Dispose();
    }

    private static ApiKeys Keys(params string[] streamKeys) =>
        new(new ServiceCollection().Configure<SecurityOptions>(options => options.StreamApiKeys = [.. streamKeys])
            .BuildServiceProvider().GetRequiredService<IOptionsMonitor<SecurityOptions>>());

    private static DefaultHttpContext Request(string address, string query = "", (string Name, string Value)? header = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.QueryString = new QueryString(query == "" ? null : query);
        if (header is { } h)
        {
            context.Request.Headers[h.Name] = h.Value;
        }
        return context;
    }
}
