using System.Net.Http.Json;
using AcousticDistill.Gateway.Rest;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary>
/// One body limit (Gateway:Limits:MaxUploadBytes, Kestrel's too), answered with a short 413 problem however the body
/// comes; error details stay short and name no server paths.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class BodyLimitTests(GatewayFixture gateway)
{
    [Fact]
    public void KestrelBodyLimit_IsTheDocumentedUploadLimit()
    {
        var kestrel = gateway.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        // Kestrel's own default (30,000,000 bytes) used to fire first, as a 500.
        Assert.Equal(GatewayFixture.MaxUploadBytes, kestrel.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task Recognize_ChunkedBodyOverTheLimit_413Problem()
    {
        using var http = gateway.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recognize")
        {
            Content = new ByteArrayContent(new byte[GatewayFixture.MaxUploadBytes + 1]),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("upload_too_large", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }

    [Theory]
    [InlineData("cannot read /srv/models/en-16k/model.bin: bad header", "cannot read (path): bad header")]
    [InlineData(@"cannot read C:\models\a.bin now", "cannot read (path) now")]
    [InlineData("first line\n   at Parser.Read() in /src/Parser.cs:line 12", "first line")]
    [InlineData("16/8 kHz and 1/2 channels", "16/8 kHz and 1/2 channels")]
    public void ProblemText_Short_FirstLineWithoutPaths(string message, string expected)
    {
        Assert.Equal(expected, ProblemText.Short(message));
    }

    [Fact]
    public void ProblemText_Short_CapsTheLength()
    {
        Assert.Equal(ProblemText.MaxLength, ProblemText.Short(new string('x', 1000)).Length);
    }
}
