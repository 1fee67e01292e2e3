using System.Net.Http.Headers;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>Admin and streaming endpoints refuse requests without the configured keys; per-client stream limit.</summary>
public sealed class ApiKeyTests(SecuredGatewayFixture gateway) : IClassFixture<SecuredGatewayFixture>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    [InlineData(SecuredGatewayFixture.StreamKey, HttpStatusCode.Forbidden)]
    public async Task AdminEndpoint_WithoutTheAdminKey_Refused(string? key, HttpStatusCode expected)
    {
        using var http = gateway.Http();
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await http.PostAsync("/v1/models/en-16k/rollback", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminEndpoint_WithTheAdminKey_Reaches_TheRegistry()
    {
        using var http = gateway.Http();
        http.DefaultRequestHeaders.Add("X-Api-Key", SecuredGatewayFixture.AdminKey);

        var response = await http.PostAsync("/v1/models/en-16k/rollback", null);

        // Past the key check: the registry answers that there is no earlier version.
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoint_KeyInTheQuery_Ignored_401()
    {
        using var http = gateway.Http();

        // Keys in URLs end up in logs and history: the admin key counts only in a header (this reached the registry, 409).
        var response = await http.PostAsync($"/v1/models/en-16k/rollback?api_key={SecuredGatewayFixture.AdminKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Recognize_WithoutTheStreamKey_401_WithIt_200()
    {
        using var http = gateway.Http();
        var wav = File.ReadAllBytes(Speech.Wav("one", 16000));

        var refused = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecuredGatewayFixture.StreamKey);
        var accepted = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Stream_KeyInQuery_Accepted_WithoutKey_HandshakeRefused()
    {
        await Assert.ThrowsAsync<WebSocketException>(() => VoskClient.ConnectAsync(gateway.StreamUri()));

        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri($"?api_key={SecuredGatewayFixture.StreamKey}"));
        await client.SendBinaryAsync(new byte[3200]);
        Assert.NotNull(await client.ReceiveAsync());
    }

    [Fact]
    public async Task Streams_OverThePerClientLimit_Refused_AndFreedWhenClosed()
    {
        var uri = gateway.StreamUri($"?api_key={SecuredGatewayFixture.StreamKey}");
        var first = await VoskClient.ConnectAsync(uri);
        var second = await VoskClient.ConnectAsync(uri);

        var third = await Record.ExceptionAsync(() => VoskClient.ConnectAsync(uri));
        await first.DisposeAsync();
        // The server frees the slot when it sees the close: connect until it has.
        await using var fourth = await Eventually.ValueAsync(async () =>
        {
            try
            {
                return await VoskClient.ConnectAsync(uri);
            }
            catch (WebSocketException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(10), "the closed stream's slot was not freed (a new stream of the same client is still refused)");
        await second.DisposeAsync();

        Assert.IsType<WebSocketException>(third);
        Assert.Equal(WebSocketState.Open, fourth.Socket.State);
    }
}
