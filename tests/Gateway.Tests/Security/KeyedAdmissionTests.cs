using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>With stream keys configured, a made-up key is refused (403) before admission: it never takes a slot.</summary>
public sealed class KeyedAdmissionTests(KeyedAdmissionGatewayFixture gateway) : IClassFixture<KeyedAdmissionGatewayFixture>
{
    [Fact]
    public async Task MadeUpKey_WhileTheGatewayIsFull_403NotQueued_ValidKeyThen429()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        var keyed = gateway.StreamUri($"?api_key={SecuredGatewayFixture.StreamKey}");
        var streams = new List<VoskClient>();
        try
        {
            for (var i = 0; i < KeyedAdmissionGatewayFixture.MaxStreams; i++)
            {
                streams.Add(await VoskClient.ConnectAsync(keyed));
            }
            using var http = gateway.Http();

            var bogusStream = await VoskClient.TryConnectAsync(gateway.StreamUri("?api_key=bogus-1"));
            var bogusRecognize = await PostAsync(http, "bogus-2");
            var validRecognize = await PostAsync(http, SecuredGatewayFixture.StreamKey);

            // 403, not 429: the key was checked before admission, so a made-up key neither waits for nor takes a slot.
            Assert.Equal(HttpStatusCode.Forbidden, bogusStream.Status);
            Assert.Equal(HttpStatusCode.Forbidden, bogusRecognize.StatusCode);
            Assert.Equal("unauthorized", (string?)(await bogusRecognize.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
            Assert.Equal(HttpStatusCode.TooManyRequests, validRecognize.StatusCode);
            Assert.Equal(KeyedAdmissionGatewayFixture.MaxStreams, AdmissionSlots.Held(gateway));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
        await AdmissionSlots.AllFreeAsync(gateway);
        using var again = gateway.Http();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again, SecuredGatewayFixture.StreamKey)).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recognize") { Content = new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one", 16000))) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http.SendAsync(request);
    }
}
