using System.Net.Http.Json;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary>
/// An upload limit above Kestrel's default body limit (30,000,000 bytes): a chunked body between the two used to fail
/// inside Kestrel with a 500; now the configured limit alone decides, with a 413 problem.
/// </summary>
public sealed class LargeUploadTests(LargeUploadTests.Fixture gateway) : IClassFixture<LargeUploadTests.Fixture>
{
    [Fact]
    public async Task Recognize_ChunkedBodyPastKestrelsDefaultAndOverTheLimit_413Problem()
    {
        using var http = gateway.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recognize")
        {
            Content = new ByteArrayContent(new byte[gateway.UploadLimit + 1]),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("upload_too_large", (string?)problem["code"]);
        Assert.DoesNotContain("   at ", (string?)problem["detail"], StringComparison.Ordinal);
    }

    /// <summary>A Gateway whose upload limit (31,000,000 bytes) is above Kestrel's default.</summary>
    public sealed class Fixture : GatewayFixture
    {
        /// <inheritdoc />
        public override long UploadLimit => 31_000_000;
    }
}
