using System.Net.Http.Json;
using AcousticDistill.Grains.Interfaces.Registry;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>
/// A default install (no admin key: loopback is trusted) refuses what a browser on this machine could be made to send:
/// admin actions from another site's page or under a rebound host name, and WebSocket handshakes from another origin.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CrossSiteRequestTests(GatewayFixture gateway)
{
    private const string Evil = "http://evil.example";

    [Fact]
    public async Task Rollback_FromAForeignOrigin_403_AndServingVersionUnchanged()
    {
        using var http = gateway.Http();
        var registry = gateway.Grains.GetGrain<IModelRegistryGrain>("en-16k");
        var before = (await registry.GetServingAsync())!.Id;
        // The request a cross-site form or fetch can send without a preflight: a "simple" text/plain POST.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/en-16k/rollback") { Content = new StringContent("x") };
        request.Headers.Add("Origin", Evil);

        var response = await http.SendAsync(request);

        await AssertRefusedAsync(response, "forbidden_origin");
        Assert.Equal(before, (await registry.GetServingAsync())!.Id);
    }

    [Fact]
    public async Task Rollback_UnderAForeignHostName_403()
    {
        using var http = gateway.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/en-16k/rollback");
        // DNS rebinding: the browser resolved evil.example to 127.0.0.1, so it sends that name as Host and as Origin.
        request.Headers.Host = $"evil.example:{gateway.BaseAddress.Port}";
        request.Headers.Add("Origin", $"{Evil}:{gateway.BaseAddress.Port}");

        var response = await http.SendAsync(request);

        await AssertRefusedAsync(response, "forbidden_host");
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Rollback_ThroughAProxyOnThisMachine_403(string header, string value)
    {
        using var http = gateway.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/en-16k/rollback");
        // A reverse proxy on this machine connects from loopback on behalf of anyone: loopback proves nothing then.
        request.Headers.Add(header, value);

        var response = await http.SendAsync(request);

        await AssertRefusedAsync(response, "unauthorized");
    }

    [Fact]
    public async Task AdminAction_FromTheGatewaysOwnPage_PassesTheChecks()
    {
        using var http = gateway.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/klingon/rollback");
        request.Headers.Add("Origin", gateway.BaseAddress.GetLeftPart(UriPartial.Authority));

        var response = await http.SendAsync(request);

        // Past the host and origin checks: the handler answers that the family does not exist.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stream_FromAForeignOrigin_HandshakeRefused_FromItsOwnOrigin_Accepted()
    {
        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", Evil);
        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", gateway.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var refused = await Record.ExceptionAsync(() => foreign.ConnectAsync(gateway.StreamUri(), timeout.Token));
        await own.ConnectAsync(gateway.StreamUri(), timeout.Token);

        Assert.IsType<WebSocketException>(refused);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }
}
