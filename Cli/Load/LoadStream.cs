using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AcousticDistill.Cli.Load;

/// <summary>What one simulated client saw.</summary>
internal sealed class StreamTally
{
    public List<double> LatenciesMs { get; } = [];

    // Latency of the replies that carried a final result (an endpoint inside the chunk, or the end of stream).
    public List<double> FinalLatenciesMs { get; } = [];
    public int Chunks;
    public int Finals;
    public int Connections;
    public double AudioSeconds;
    public double BusySeconds;
    public readonly Dictionary<string, int> Errors = [];

    public void Error(string kind) => Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
}

/// <summary>
/// One simulated client: sends the audio files one after another in chunks, reading one reply per chunk as Vosk
/// clients do. Real-time pacing sends a chunk every chunk duration (from a fixed schedule, so slow replies do not
/// slow the stream down); otherwise it sends the next chunk as soon as the reply arrives. With
/// <c>reconnect</c>, each file is its own connection (streams open and close); otherwise one connection carries all.
/// </summary>
internal sealed class LoadStream(Uri url, StreamAudio audio, int chunkMs, bool realTime, bool reconnect, int offset)
{
    public StreamTally Tally { get; } = new();

    public async Task RunAsync(DateTime until, CancellationToken cancellationToken)
    {
        var chunkBytes = audio.SampleRate * chunkMs / 1000 * 2;
        var next = offset;
        while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunConnectionAsync(until, chunkBytes, () => audio.Files[next++ % audio.Files.Count], cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or InvalidDataException or HttpRequestException)
            {
                Tally.Error(ex.GetType().Name);
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private async Task RunConnectionAsync(DateTime until, int chunkBytes, Func<byte[]> nextFile, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, cancellationToken);
        Tally.Connections++;
        await SendTextAsync(socket, "{\"config\": {\"sample_rate\": " + audio.SampleRate + ", \"words\": true}}", cancellationToken);
        var clock = Stopwatch.StartNew();
        var sentSeconds = 0.0;
        do
        {
            var pcm = nextFile();
            for (var start = 0; start < pcm.Length && DateTime.UtcNow < until; start += chunkBytes)
            {
                var count = Math.Min(chunkBytes, pcm.Length - start);
                if (realTime)
                {
                    var due = TimeSpan.FromSeconds(sentSeconds) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                }
                var sent = Stopwatch.GetTimestamp();
                await socket.SendAsync(pcm.AsMemory(start, count), WebSocketMessageType.Binary, true, cancellationToken);
                var reply = await ReceiveAsync(socket, cancellationToken);
                Tally.LatenciesMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (reply.ContainsKey("text"))
                {
                    Tally.FinalLatenciesMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                Tally.BusySeconds += Stopwatch.GetElapsedTime(sent).TotalSeconds;
                Tally.Chunks++;
                var seconds = count / 2.0 / audio.SampleRate;
                sentSeconds += seconds;
                Tally.AudioSeconds += seconds;
                Count(reply);
            }
        }
        while (!reconnect && DateTime.UtcNow < until);
        var eofSent = Stopwatch.GetTimestamp();
        await SendTextAsync(socket, """{"eof" : 1}""", cancellationToken);
        Count(await ReceiveAsync(socket, cancellationToken));
        Tally.FinalLatenciesMs.Add(Stopwatch.GetElapsedTime(eofSent).TotalMilliseconds);
        Tally.BusySeconds += Stopwatch.GetElapsedTime(eofSent).TotalSeconds;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
    }

    private void Count(JsonObject reply)
    {
        if (reply["error"] is { } error)
        {
            Tally.Error("server:" + ((string?)reply["code"] ?? error.ToString()));
            throw new InvalidDataException($"server error: {error}");
        }
        if (reply.ContainsKey("text"))
        {
            Tally.Finals++;
        }
    }

    private static Task SendTextAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"server closed the stream ({socket.CloseStatus} {socket.CloseStatusDescription})");
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())?.AsObject() ?? throw new InvalidDataException("empty reply");
            }
        }
    }
}
