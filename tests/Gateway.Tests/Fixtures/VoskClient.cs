using System.Text;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>A WebSocket client that speaks like Vosk's own example clients: send a message, read one reply.</summary>
public sealed class VoskClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    /// <summary>The outcome of a handshake: the client when it was accepted, else the HTTP status and Retry-After of the refusal.</summary>
    public sealed record Handshake(VoskClient? Client, HttpStatusCode Status, string? RetryAfter);

    /// <summary>Close status once the server closed the stream.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>The underlying socket.</summary>
    public ClientWebSocket Socket => _socket;

    /// <summary>Connects to <paramref name="uri"/>.</summary>
    public static async Task<VoskClient> ConnectAsync(Uri uri)
    {
        var client = new VoskClient();
        await client._socket.ConnectAsync(uri, Timeout());
        return client;
    }

    /// <summary>
    /// Connects through <paramref name="invoker"/> (e.g. a <see cref="LoopbackSource"/>; null: a connection of its own) with
    /// <paramref name="headers"/>, and says how the server answered instead of throwing when it refuses.
    /// </summary>
    public static async Task<Handshake> TryConnectAsync(Uri uri, HttpMessageInvoker? invoker = null, params (string Name, string Value)[] headers)
    {
        var client = new VoskClient();
        client._socket.Options.CollectHttpResponseDetails = true;
        foreach (var (name, value) in headers)
        {
            client._socket.Options.SetRequestHeader(name, value);
        }
        try
        {
            await client._socket.ConnectAsync(uri, invoker, Timeout());
            return new Handshake(client, HttpStatusCode.SwitchingProtocols, null);
        }
        catch (WebSocketException)
        {
            var status = (HttpStatusCode)client._socket.HttpStatusCode;
            var retryAfter = client._socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true ? values.FirstOrDefault() : null;
            client._socket.Dispose();
            return new Handshake(null, status, retryAfter);
        }
    }

    /// <summary>Sends a text message.</summary>
    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Timeout());

    /// <summary>Sends a binary message.</summary>
    public Task SendBinaryAsync(ReadOnlyMemory<byte> bytes) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, Timeout()).AsTask();

    /// <summary>The next text message as JSON, or null when the server closed the stream.</summary>
    public Task<JsonObject?> ReceiveAsync() => WebSocketJson.ReceiveAsync(_socket, TimeSpan.FromSeconds(60));

    /// <summary>Streams PCM in chunks, one reply read per chunk, then eof; returns every reply, the final last.</summary>
    public async Task<List<JsonObject>> TranscribeAsync(byte[] pcm, int chunkBytes)
    {
        var replies = new List<JsonObject>();
        for (var start = 0; start < pcm.Length; start += chunkBytes)
        {
            await SendBinaryAsync(pcm.AsMemory(start, Math.Min(chunkBytes, pcm.Length - start)));
            replies.Add(await ReceiveAsync() ?? throw new InvalidOperationException("the server closed the stream mid-audio"));
        }
        await SendTextAsync("{\"eof\" : 1}");
        replies.Add(await ReceiveAsync() ?? throw new InvalidOperationException("the server closed the stream without a final result"));
        return replies;
    }

    /// <summary>The text of every final among <paramref name="replies"/>, joined (an endpoint may end an utterance before eof).</summary>
    public static string FinalText(IEnumerable<JsonObject> replies) =>
        string.Join(' ', replies.Where(r => r.ContainsKey("text")).Select(r => (string)r["text"]!).Where(t => t.Length > 0));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Timeout());
            }
            catch (WebSocketException)
            {
                // The server may already be gone; nothing to clean up here.
            }
        }
        _socket.Dispose();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
