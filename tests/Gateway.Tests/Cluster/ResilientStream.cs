namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>
/// A client that streams utterances (one file each, ending in silence) in real time, one reply per 100 ms chunk, and
/// when its stream ends with an error opens a new one and sends the current utterance again, unless its final had
/// already arrived. It records every final per utterance played, to check that none is lost or repeated.
/// </summary>
public sealed class ResilientStream(Uri uri, IReadOnlyList<byte[]> utterances, int sampleRate)
{
    private const int ChunkMs = 100;

    /// <summary>Non-empty finals received for each utterance played, in order.</summary>
    public List<List<string>> FinalsPerUtterance { get; } = [];

    /// <summary>When each utterance played was completed (UTC), in order.</summary>
    public List<DateTime> CompletedAt { get; } = [];

    /// <summary>Errors the server sent (codes), and connection failures.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Streams opened.</summary>
    public int Connections { get; private set; }

    /// <summary>When the first reply after the last error arrived (UTC), if there was an error.</summary>
    public DateTime? RecoveredAt { get; private set; }

    /// <summary>When the last error happened (UTC).</summary>
    public DateTime? FailedAt { get; private set; }

    /// <summary>Plays utterances round-robin until <paramref name="stop"/> is cancelled (the current one is finished first).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var next = 0;
        ClientWebSocket? socket = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var pcm = utterances[next % utterances.Count];
                var finals = new List<string>();
                FinalsPerUtterance.Add(finals);
                while (true)
                {
                    if (stop.IsCancellationRequested && socket is null)
                    {
                        return; // stopped while reconnecting: nothing is open to finish
                    }
                    socket ??= await OpenAsync();
                    if (socket is null)
                    {
                        await Task.Delay(500, CancellationToken.None);
                        continue;
                    }
                    if (await PlayAsync(socket, pcm, finals))
                    {
                        CompletedAt.Add(DateTime.UtcNow);
                        break;
                    }
                    socket.Dispose();
                    socket = null;
                    await Task.Delay(200, CancellationToken.None); // as a client should before reconnecting
                    if (finals.Count > 0)
                    {
                        break; // its final arrived before the error: sending it again would repeat it
                    }
                }
                next++;
            }
            if (socket is { State: WebSocketState.Open })
            {
                await socket.SendAsync("{\"eof\" : 1}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
                Record(await ReceiveAsync(socket), FinalsPerUtterance[^1]);
            }
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private async Task<ClientWebSocket?> OpenAsync()
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(uri, timeout.Token);
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes("{\"config\": {\"sample_rate\": " + sampleRate + "}}"),
                WebSocketMessageType.Text, true, timeout.Token);
            Connections++;
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Fail("connect:" + ex.GetType().Name);
            socket.Dispose();
            return null;
        }
    }

    // Streams one utterance; false when the stream failed on the way.
    private async Task<bool> PlayAsync(ClientWebSocket socket, byte[] pcm, List<string> finals)
    {
        var chunk = sampleRate * ChunkMs / 1000 * 2;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var start = 0; start < pcm.Length; start += chunk)
        {
            var due = TimeSpan.FromMilliseconds(start / chunk * ChunkMs) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            try
            {
                await socket.SendAsync(pcm.AsMemory(start, Math.Min(chunk, pcm.Length - start)), WebSocketMessageType.Binary, true, CancellationToken.None);
                var reply = await ReceiveAsync(socket);
                if (reply is null || reply["error"] is not null)
                {
                    Fail(reply is null ? "closed" : (string?)reply["code"] ?? "error");
                    return false;
                }
                if (FailedAt is not null && RecoveredAt is null || RecoveredAt < FailedAt)
                {
                    RecoveredAt = DateTime.UtcNow;
                }
                Record(reply, finals);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                Fail("socket:" + ex.GetType().Name);
                return false;
            }
        }
        return true;
    }

    private void Fail(string what)
    {
        Errors.Add(what);
        FailedAt = DateTime.UtcNow;
    }

    private static void Record(JsonObject? reply, List<string> finals)
    {
        if (reply?["text"] is { } text && ((string)text!).Length > 0)
        {
            finals.Add((string)text!);
        }
    }

    private static Task<JsonObject?> ReceiveAsync(ClientWebSocket socket) => WebSocketJson.ReceiveAsync(socket, TimeSpan.FromSeconds(60));

    /// <summary>PCM16 of spoken test utterances.</summary>
    public static IReadOnlyList<byte[]> Utterances(int rate, params string[] texts) =>
        texts.Select(t => Speech.Pcm16(Speech.Wav(t, rate, silenceSeconds: 1.2), rate)).ToArray();
}
