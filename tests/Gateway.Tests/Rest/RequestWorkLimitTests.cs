using System.Buffers.Binary;
using System.Net.Http.Json;
using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Rest;
using AcousticDistill.Gateway.Streaming;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary>
/// Limits on the work one request may ask for: phrase lists (REST and stream config) and audio length (REST, from the
/// WAV header), refused by the Gateway with an error naming the limit before a session does any work.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RequestWorkLimitTests(GatewayFixture gateway)
{
    private static readonly StreamLimits Defaults = new();

    [Fact]
    public void PhraseList_Defaults_AreAThousandPhrasesOfTwentyWordsAndTenThousandWords()
    {
        Assert.Equal(1000, Defaults.MaxPhrases);
        Assert.Equal(20, Defaults.MaxWordsPerPhrase);
        Assert.Equal(10_000, Defaults.MaxPhraseListWords);
        Assert.Equal(600, Defaults.MaxAudioSeconds);
    }

    [Fact]
    public void PhraseList_EachLimit_IsNamedWhenExceeded()
    {
        Assert.Null(PhraseListLimit.Check(Phrases(1000, 10), Defaults));
        Assert.Contains("MaxPhrases", PhraseListLimit.Check(Phrases(1001, 1), Defaults));
        Assert.Contains("MaxWordsPerPhrase", PhraseListLimit.Check(Phrases(1, 21), Defaults));
        Assert.Contains("MaxPhraseListWords", PhraseListLimit.Check(Phrases(501, 20), Defaults));
    }

    [Fact]
    public void WavDuration_TwentyNineMegabytesOfMuLaw_IsAnHourFromTheHeader()
    {
        var wav = Wav(sampleRate: 8000, channels: 1, bitsPerSample: 8, format: 7, dataBytes: 29_000_000);

        Assert.Equal(3625.0, WavDuration.Seconds(wav));
        Assert.Null(WavDuration.Seconds("not a wav file at all"u8));
    }

    [Fact]
    public async Task Recognize_WordyPhrase_400NamesTheLimit()
    {
        using var http = gateway.Http();
        var phrase = Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("one", 21)));

        var response = await http.PostAsync($"/v1/recognize?phrase={phrase}", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one", 16000))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, PhraseListLimit.Code, "MaxWordsPerPhrase");
    }

    [Fact]
    public async Task Recognize_AudioLongerThanTheLimit_413NamesTheLimit()
    {
        using var http = gateway.Http();
        // 1 kHz 8-bit µ-law: 700 KB, under the fixture's upload limit, is 700 s of audio.
        var wav = Wav(sampleRate: 1000, channels: 1, bitsPerSample: 8, format: 7, dataBytes: 700_000);

        var response = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "audio_too_long", "MaxAudioSeconds");
    }

    [Fact]
    public async Task Recognize_PhraseListWithinTheLimits_StillRecognises()
    {
        using var http = gateway.Http();

        var response = await http.PostAsync("/v1/recognize?phrase=one%20two%20three", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one two three", 16000))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("one two three", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["text"]!);
    }

    [Fact]
    public async Task Stream_ConfigWithTooManyPhrases_ErrorNamesTheLimitThenClose()
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        var config = new JsonObject { ["config"] = new JsonObject { ["phrase_list"] = new JsonArray([.. Phrases(1001, 1).Select(p => JsonValue.Create(p))]) } };
        await client.SendTextAsync(config.ToJsonString());

        var error = await client.ReceiveAsync();

        Assert.NotNull(error);
        Assert.Equal(PhraseListLimit.Code, (string?)error["code"]);
        Assert.Contains("MaxPhrases", (string)error["error"]!, StringComparison.Ordinal);
        Assert.Null(await client.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
    }

    private static string[] Phrases(int count, int words) =>
        [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Repeat("one", words)))];

    // A canonical 44-byte header and dataBytes of silence-free filler.
    private static byte[] Wav(int sampleRate, int channels, int bitsPerSample, ushort format, int dataBytes)
    {
        var wav = new byte[44 + dataBytes];
        var blockAlign = (ushort)(channels * bitsPerSample / 8);
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), format);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), (ushort)bitsPerSample);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), (uint)dataBytes);
        wav.AsSpan(44).Fill(0xFF);
        return wav;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string limit)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Contains(limit, (string)problem["detail"]!, StringComparison.Ordinal);
    }
}
