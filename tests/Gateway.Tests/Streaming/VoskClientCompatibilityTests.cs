namespace AcousticDistill.Gateway.Tests.Streaming;

/// <summary>A client written for Vosk server (Python websockets, Vosk's example flow) works unchanged against /v1/stream.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VoskClientCompatibilityTests(GatewayFixture gateway)
{
    [Fact]
    public async Task PythonVoskClient_SpokenDigits_PrintsPartialsAndTheFinalText()
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scripts/vosk-client.py"));
        var start = new ProcessStartInfo("/usr/bin/python3", [script, Speech.Wav("one two three", 16000), gateway.StreamUri().ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"the client failed (is python3-websockets installed? scripts/install-deps.sh installs it): {errors}");
        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Contains(replies, r => r.ContainsKey("partial"));
        Assert.Equal("one two three", VoskClient.FinalText(replies));
    }
}
