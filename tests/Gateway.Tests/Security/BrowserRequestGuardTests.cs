using AcousticDistill.Gateway.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>The allow-lists of <see cref="BrowserRequestGuard"/>: defaults from <c>--urls</c>, configured hosts and origins.</summary>
public sealed class BrowserRequestGuardTests
{
    [Fact]
    public void AllowedHosts_Default_LoopbackAndTheListeningUrlsHosts()
    {
        var guard = Guard(new SecurityOptions(), "http://gateway.internal:2700;http://[::1]:2701");

        Assert.Equal(["127.0.0.1", "[::1]", "gateway.internal", "localhost"], guard.AllowedHosts().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllowedHosts_WildcardUrl_AddsThisMachinesName()
    {
        var guard = Guard(new SecurityOptions(), "http://+:2700");

        Assert.Contains(System.Net.Dns.GetHostName(), guard.AllowedHosts());
        Assert.DoesNotContain("+", guard.AllowedHosts());
    }

    [Fact]
    public void Host_Configured_ReplacesTheDefaults()
    {
        var guard = Guard(new SecurityOptions { AllowedHosts = ["asr.example.com"] }, "http://localhost:2700");

        Assert.Null(guard.RefuseHost(Request("asr.example.com:443")));
        Assert.NotNull(guard.RefuseHost(Request("localhost:2700")));
    }

    [Fact]
    public void Host_WithAdminKeysAndNoConfiguredHosts_NotChecked()
    {
        var guard = Guard(new SecurityOptions { AdminApiKeys = ["k"] }, "http://+:8080");

        // A deployment reached under its service or ingress name: the key, not the network position, is the proof.
        Assert.Null(guard.RefuseHost(Request("gateway.speech.svc:8080")));
    }

    [Fact]
    public void Host_WithoutAdminKeys_ForeignNameRefused()
    {
        var guard = Guard(new SecurityOptions(), "http://127.0.0.1:2700");

        Assert.Null(guard.RefuseHost(Request("127.0.0.1:2700")));
        Assert.NotNull(guard.RefuseHost(Request("evil.example:2700")));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:2700", true)]
    [InlineData("https://ops.example.com", true)]
    [InlineData("https://ops.example.com/", true)]
    [InlineData("http://localhost:9999", false)]
    [InlineData("http://evil.example", false)]
    [InlineData("null", false)]
    public void Origin_OwnOrAllowedOrAbsent_Accepted_OthersRefused(string? origin, bool accepted)
    {
        var guard = Guard(new SecurityOptions { AllowedOrigins = ["https://ops.example.com"] }, "http://localhost:2700");
        var request = Request("localhost:2700");
        if (origin is not null)
        {
            request.Request.Headers.Origin = origin;
        }

        Assert.Equal(accepted, guard.RefuseOrigin(request) is null);
    }

    private static BrowserRequestGuard Guard(SecurityOptions options, string urls) =>
        new(new FixedOptions(options), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build());

    private static DefaultHttpContext Request(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        return context;
    }

    private sealed class FixedOptions(SecurityOptions value) : IOptionsMonitor<SecurityOptions>
    {
        public SecurityOptions CurrentValue => value;

        public SecurityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SecurityOptions, string?> listener) => null;
    }
}
