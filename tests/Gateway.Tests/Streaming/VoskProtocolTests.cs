using AcousticDistill.Grains.Interfaces.Registry;

namespace AcousticDistill.Gateway.Tests.Streaming;

/// <summary>The Vosk-compatible stream on real (synthesized) speech: replies, finals, word times, family choice.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VoskProtocolTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Stream_DigitsAt16k_OneReplyPerMessageAndAFinalWithWordTimes()
    {
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendTextAsync("""{"config": {"sample_rate": 16000, "words": true}}""");

        var replies = await client.TranscribeAsync(pcm, 3200);

        Assert.Equal((pcm.Length + 3199) / 3200 + 1, replies.Count);
        Assert.All(replies, r => Assert.True(r.ContainsKey("partial") || r.ContainsKey("text"), r.ToJsonString()));
        var text = string.Join(' ', replies.Where(r => r.ContainsKey("text")).Select(r => (string)r["text"]!).Where(t => t.Length > 0));
        Assert.Equal("one two three", text);
        var words = replies.Where(r => r["result"] is JsonArray).SelectMany(r => r["result"]!.AsArray()).Select(w => w!.AsObject()).ToList();
        Assert.Equal(["one", "two", "three"], words.Select(w => (string)w["word"]!));
        var times = words.SelectMany(w => new[] { (double)w["start"]!, (double)w["end"]! }).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(words, w => Assert.InRange((double)w["conf"]!, 0.0, 1.0));
        Assert.InRange(times[^1], 0.5, pcm.Length / 2 / 16000.0);
        Assert.Contains(replies, r => r.ContainsKey("partial") && ((string)r["partial"]!).StartsWith("one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_8kHzAudio_IsServedByThe8kFamily()
    {
        var serving = await gateway.Grains.GetGrain<IModelRegistryGrain>("en-8k").GetServingAsync();
        Assert.NotNull(serving);
        var pcm = Speech.Pcm16(Speech.Wav("seven four", 8000), 8000);
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendTextAsync("""{"config": {"sample_rate": 8000}}""");

        var final = (await client.TranscribeAsync(pcm, 1600))[^1];

        Assert.Equal(serving.Id, (string)final["model_version"]!);
        Assert.False(final.ContainsKey("result"));
    }

    [Fact]
    public async Task Stream_48kHzAudioWithoutConfig_QueryRateIsResampledTo16k()
    {
        var serving = await gateway.Grains.GetGrain<IModelRegistryGrain>("en-16k").GetServingAsync();
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 48000);
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri("?sample_rate=48000"));

        var replies = await client.TranscribeAsync(pcm, 9600);

        Assert.Equal("one two three", VoskClient.FinalText(replies));
        Assert.All(replies.Where(r => r.ContainsKey("model_version")), r => Assert.Equal(serving!.Id, (string)r["model_version"]!));
    }

    [Fact]
    public async Task Stream_PhraseList_LimitsTheWordsToThePhrases()
    {
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri());
        await client.SendTextAsync("""{"config": {"sample_rate": 16000, "phrase_list": ["one two three", "call home", "[unk]"]}}""");

        var replies = await client.TranscribeAsync(pcm, 3200);

        Assert.Equal("one two three", VoskClient.FinalText(replies));
    }

    [Fact]
    public async Task Stream_NormalEnd_LeavesNoSession()
    {
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        await using (var client = await VoskClient.ConnectAsync(gateway.StreamUri()))
        {
            await client.TranscribeAsync(pcm, 3200);
            Assert.Null(await client.ReceiveAsync());
        }

        Assert.Equal(0, await Sessions.WaitForNoneAsync(gateway.Grains, TimeSpan.FromSeconds(10)));
    }
}
