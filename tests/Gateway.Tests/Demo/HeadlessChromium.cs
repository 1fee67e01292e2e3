using System.Text;

namespace AcousticDistill.Gateway.Tests.Demo;

/// <summary>
/// Debian's chromium, headless, with a fake microphone that plays a WAV file, driven over the DevTools protocol
/// (only Runtime.evaluate) to read the page.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private ClientWebSocket? _devtools;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser binary, or null when it is not installed.</summary>
    public static string? Binary => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Opens <paramref name="url"/> with <paramref name="microphoneWav"/> as the microphone.</summary>
    public static async Task<HeadlessChromium> OpenAsync(string binary, Uri url, string microphoneWav)
    {
        var profile = Path.Combine(Path.GetTempPath(), "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(binary,
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--mute-audio",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-audio-capture={microphoneWav}", "--autoplay-policy=no-user-gesture-required",
            "--remote-debugging-port=0", $"--user-data-dir={profile}", url.ToString(),
        ])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        await browser.ConnectAsync();
        return browser;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its string value.</summary>
    public async Task<string> EvaluateAsync(string expression)
    {
        var id = ++_nextId;
        var request = new JsonObject
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new JsonObject { ["expression"] = expression, ["returnByValue"] = true },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _devtools!.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[1 << 20];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _devtools.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            var reply = JsonNode.Parse(message.ToArray())!.AsObject();
            if ((int?)reply["id"] == id)
            {
                return reply["result"]?["result"]?["value"]?.ToString() ?? "";
            }
        }
    }

    // The browser writes its DevTools port to the profile; the page's target gives the WebSocket to drive it.
    private async Task ConnectAsync()
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("chromium did not open its DevTools port.");
            }
            await Task.Delay(100);
        }
        var port = int.Parse(File.ReadAllLines(portFile)[0]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string? target = null;
        while (target is null)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync("/json/list"))!.AsArray();
            target = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.ToString();
            if (target is null)
            {
                await Task.Delay(100);
            }
        }
        _devtools = new ClientWebSocket();
        await _devtools.ConnectAsync(new Uri(target), CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _devtools?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
