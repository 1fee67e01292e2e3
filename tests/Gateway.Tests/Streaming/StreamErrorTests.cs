namespace AcousticDistill.Gateway.Tests.Streaming;

/// <summary>Bad input and limits on the stream: a clear error JSON, then a close status, and no session left behind.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StreamErrorTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("not json at all", "bad_message", WebSocketCloseStatus.InvalidPayloadData)]
    [InlineData("""{"hello": 1}""", "bad_message", WebSocketCloseStatus.InvalidPayloadData)]
    [InlineData("""{"config": {"sample_rate": "fast"}}""", "bad_config", WebSocketCloseStatus.PolicyViolation)]
    [InlineData("""{"config": {"phrase_list": "one"}}""", "bad_config", WebSocketCloseStatus.PolicyViolation)]
    public async Task TextMessage_Malformed_ErrorThenClose(string message, string code, WebSocketCloseStatus status)
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendTextAsync(message);

        await AssertErrorAsync(client, code, status);
    }

    [Theory]
    [InlineData("""{"config": {"sample_rate": 4000}}""", "", "sample_rate 4000 is not supported")]
    [InlineData("""{"config": {"sample_rate": 8000}}""", "?model=en-16k", "below model 'en-16k'")]
    [InlineData("""{"config": {"sample_rate": 16000}}""", "?model=klingon", "model 'klingon' is unknown")]
    [InlineData("""{"config": {"sample_rate": 16000, "phrase_list": ["zx;qvw"]}}""", "", "'zx;qvw' is not in the lexicon and letter-to-sound rules cannot pronounce it")]
    public async Task Config_Unusable_ErrorNamesTheProblem(string config, string query, string expected)
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri(query));
        await client.SendTextAsync(config);
        await client.SendBinaryAsync(new byte[3200]);

        var error = await AssertErrorAsync(client, "bad_config", WebSocketCloseStatus.PolicyViolation);
        Assert.Contains(expected, (string)error["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_WavFileInsteadOfPcm_RefusedAsNotPcm()
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendBinaryAsync(File.ReadAllBytes(Speech.Wav("one", 16000)).AsMemory(0, 4000));

        var error = await AssertErrorAsync(client, "not_pcm", WebSocketCloseStatus.InvalidPayloadData);
        Assert.Contains("WAV", (string)error["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_OverTheSizeLimit_ClosedAsTooBig()
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendBinaryAsync(new byte[GatewayFixture.MaxMessageBytes + 2]);

        await AssertErrorAsync(client, "message_too_big", WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task Config_AfterAudio_Refused()
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendBinaryAsync(new byte[3200]);
        Assert.NotNull(await client.ReceiveAsync());
        await client.SendTextAsync("""{"config": {"sample_rate": 8000}}""");

        await AssertErrorAsync(client, "bad_config", WebSocketCloseStatus.PolicyViolation);
    }

    [Fact]
    public async Task Stream_Idle_ClosedAfterTheTimeout()
    {
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendBinaryAsync(new byte[3200]);
        Assert.NotNull(await client.ReceiveAsync());

        var started = DateTime.UtcNow;
        await AssertErrorAsync(client, "idle_timeout", WebSocketCloseStatus.PolicyViolation);
        Assert.InRange(DateTime.UtcNow - started, GatewayFixture.IdleTimeout * 0.8, GatewayFixture.IdleTimeout * 5);
        Assert.Equal(0, await Sessions.WaitForNoneAsync(gateway.Grains, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Stream_AbruptDisconnects_LeaveNoSession()
    {
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        Assert.Equal(0, await Sessions.WaitForNoneAsync(gateway.Grains, TimeSpan.FromSeconds(15)));
        for (var i = 0; i < 5; i++)
        {
            var client = await VoskClient.ConnectAsync(gateway.StreamUri());
            await client.SendBinaryAsync(pcm.AsMemory(0, 6400));
            Assert.NotNull(await client.ReceiveAsync());
            await client.SendBinaryAsync(pcm.AsMemory(6400, 6400));
            client.Socket.Abort();
            await client.DisposeAsync();
        }

        Assert.Equal(0, await Sessions.WaitForNoneAsync(gateway.Grains, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Stream_OddByteChunks_AreJoinedAcrossMessages()
    {
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());

        var replies = await client.TranscribeAsync(pcm, 3201);

        Assert.Equal("one two three", VoskClient.FinalText(replies));
    }

    private static async Task<JsonObject> AssertErrorAsync(VoskClient client, string code, WebSocketCloseStatus status)
    {
        var reply = await client.ReceiveAsync();
        Assert.NotNull(reply);
        Assert.Equal(code, (string?)reply["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["error"]));
        Assert.Null(await client.ReceiveAsync());
        Assert.Equal(status, client.CloseStatus);
        return reply;
    }
}
