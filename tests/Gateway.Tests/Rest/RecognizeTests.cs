using System.Net.Http.Json;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary><c>POST /v1/recognize</c>: WAV in, final JSON out; problem details for bad uploads.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RecognizeTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Recognize_SpokenDigits_ReturnsTextWordsAndModel()
    {
        using var http = gateway.Http();
        using var body = new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one two three", 16000)));

        var response = await http.PostAsync("/v1/recognize", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("one two three", (string)result["text"]!);
        Assert.Equal(3, result["result"]!.AsArray().Count);
        Assert.Equal("en-16k", (string)result["model"]!);
        Assert.Equal(64, ((string)result["model_version"]!).Length);
    }

    [Fact]
    public async Task Recognize_PhraseWordOutsideTheLexicon_IsPronouncedByRule_AndReportedAsGuessed()
    {
        using var http = gateway.Http();
        using var body = new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one two three", 16000)));

        var response = await http.PostAsync("/v1/recognize?phrase=one&phrase=two&phrase=three&phrase=zorblax", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("two three", (string)result["text"]!); // the guessed word competes but is not heard
        Assert.DoesNotContain("zorblax", (string)result["text"]!);
        Assert.Equal(["zorblax"], result["guessed_words"]!.AsArray().Select(w => (string)w!));
    }

    [Fact]
    public async Task Recognize_48kHzFile_DecodedOnceToTheModelsRate()
    {
        using var http = gateway.Http();

        var response = await http.PostAsync("/v1/recognize?words=false", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one two three", 48000))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("one two three", (string)result["text"]!);
        Assert.Equal("en-16k", (string)result["model"]!);
        Assert.False(result.ContainsKey("result"));
        Assert.InRange((double)result["audio_seconds"]!, 1.0, 10.0);
        Assert.Equal((string)result["model_version"]!, (string)result["segments"]![0]!["model_version"]!);
    }

    [Theory]
    [InlineData("garbage bytes", HttpStatusCode.BadRequest, "not a RIFF/WAVE file")]
    [InlineData("", HttpStatusCode.BadRequest, "POST a WAV file")]
    public async Task Recognize_NotAudio_ProblemDetails(string content, HttpStatusCode status, string expected)
    {
        using var http = gateway.Http();

        var response = await http.PostAsync("/v1/recognize", new StringContent(content));

        await AssertProblemAsync(response, status, expected);
    }

    [Fact]
    public async Task Recognize_TruncatedWav_ProblemDetails()
    {
        using var http = gateway.Http();
        var wav = File.ReadAllBytes(Speech.Wav("one two three", 16000));

        var response = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav[..(wav.Length / 2)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_audio", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }

    [Fact]
    public async Task Recognize_OverTheUploadLimit_413()
    {
        // The client waits for the Gateway's answer to the headers as long as the test would, however busy the machine.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = gateway.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // As curl sends bodies over 1 MB: the 413 comes before the body. Without it the Gateway answers as soon as it
        // sees the Content-Length and closes the connection, and the client may still be writing (a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recognize") { Content = new ByteArrayContent(new byte[GatewayFixture.MaxUploadBytes + 1]) };
        request.Headers.ExpectContinue = true;

        var response = await http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task Recognize_UnknownModel_ProblemNamesTheFamilies()
    {
        using var http = gateway.Http();

        var response = await http.PostAsync("/v1/recognize?model=nope", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one", 16000))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "en-16k, en-8k");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(expected, (string)problem["detail"]!, StringComparison.Ordinal);
    }
}
