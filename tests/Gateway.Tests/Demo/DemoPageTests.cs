using Xunit.Abstractions;

namespace AcousticDistill.Gateway.Tests.Demo;

/// <summary>The demo page end to end: browser microphone (a fake device playing speech) → WebSocket → words on the page.</summary>
[Collection(DemoPageCollection.Name)]
public sealed class DemoPageTests(GatewayFixture gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task DemoPage_FakeMicrophoneSpeech_SpokenWordsAppearWithTheModelPanel()
    {
        var binary = HeadlessChromium.Binary;
        Assert.True(binary is not null, "chromium is not installed; scripts/install-deps.sh installs it (Debian package chromium).");
        var speech = Speech.Wav("one two three", 16000, silenceSeconds: 2.0);
        await using var browser = await HeadlessChromium.OpenAsync(binary, new Uri(gateway.BaseAddress, "/?autostart=1"), speech);

        var text = "";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!text.Contains("one two three", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            text = await browser.EvaluateAsync("document.getElementById('final').textContent");
        }

        output.WriteLine($"final text: {text}");
        Assert.True(text.Contains("one two three", StringComparison.Ordinal), $"'one two three' not in the final text after 60 s: {text}");
        var status = await browser.EvaluateAsync("document.getElementById('status').textContent");
        Assert.StartsWith("listening at", status, StringComparison.Ordinal);
        var panel = await browser.EvaluateAsync("document.getElementById('model-rows').textContent");
        Assert.Contains("en-16k", panel, StringComparison.Ordinal);
        Assert.Contains("en-8k", panel, StringComparison.Ordinal);
        Assert.Contains("%", panel, StringComparison.Ordinal);
    }
}

/// <summary>
/// The demo page's test runs alone, with its own Gateway: the browser captures its fake microphone in real time, and
/// once (in about 20 runs of scripts/ci-repeat.sh) its final text was other digits for the whole 60 s. The likeliest
/// cause, not proven, is a CPU-heavy collection beside it (the image test publishes with dotnet) starving the
/// browser's audio thread.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoPageCollection : ICollectionFixture<GatewayFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "demo page";
}
