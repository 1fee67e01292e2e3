using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using AcousticDistill.Gateway.Hosting;

namespace AcousticDistill.Gateway.Streaming;

/// <summary>
/// <c>GET /v1/stream</c>: one Vosk-compatible WebSocket stream, one <see cref="ITranscriptionSessionGrain"/> per stream
/// and one grain call per audio message. Every binary message and the eof message get exactly one reply, as Vosk
/// server does, so clients that alternate send and receive work unchanged. Errors end the stream with an error JSON
/// and a close status; whatever way a stream ends, its session is closed.
/// </summary>
public sealed class VoskStreamHandler(
    IGrainFactory grains,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    StreamAdmission admission,
    ApiKeys keys,
    ILogger<VoskStreamHandler> logger)
{
    /// <summary>Serves one request to <c>/v1/stream</c>.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket upgrade required",
                detail: "GET /v1/stream speaks Vosk's WebSocket protocol; open it with a WebSocket client.").ExecuteAsync(context);
            return;
        }
        var (slot, refusal) = admission.TryEnter(keys.Client(context));
        using var _ = slot;
        if (slot is null)
        {
            metrics.Error(AdmissionRefusal.Code);
            await AdmissionRefusal.Result(context, refusal!).ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        metrics.StreamOpened("websocket");
        var session = grains.GetGrain<ITranscriptionSessionGrain>(Guid.NewGuid().ToString("N"));
        var finished = false;
        try
        {
            finished = await RunAsync(socket, session, StreamOptions.FromQuery(context.Request.Query), context.RequestAborted);
        }
        catch (StreamError ex)
        {
            await FailAsync(socket, ex.Code, ex.Message, ex.CloseStatus);
        }
        catch (ArgumentException ex)
        {
            await FailAsync(socket, "bad_config", ex.Message, WebSocketCloseStatus.PolicyViolation);
        }
        catch (BadAudioException ex)
        {
            await FailAsync(socket, "bad_audio", ex.Message, WebSocketCloseStatus.InvalidPayloadData);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && (socket.State != WebSocketState.Open || context.RequestAborted.IsCancellationRequested))
        {
            metrics.Error("client_gone");
            logger.LogDebug("Stream dropped by the client: {Message}", ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // The cluster refused the stream (e.g. a family with no serving model): say so, this is not the client's fault.
            await FailAsync(socket, "unavailable", ex.Message, WebSocketCloseStatus.InternalServerError);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Typically a silo just died and the cluster has not declared it dead yet: new sessions may land on it.
            await FailAsync(socket, "unavailable",
                $"the cluster could not open a session now ({ex.GetType().Name}); a silo may have just left: retry in a few seconds.",
                StreamError.TryAgainLater);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Stream failed");
            await FailAsync(socket, "internal", "the stream failed inside the service; it has been logged.", WebSocketCloseStatus.InternalServerError);
        }
        finally
        {
            metrics.StreamClosed();
            if (!finished)
            {
                await CloseQuietly(session);
            }
        }
    }

    // Returns true when the stream ended with eof (the session finished itself). Grain calls are not cancelled with the
    // connection: each completes, so the Close sent after a disconnect is always the session's last call. The start is
    // the exception: it may spend seconds compiling a phrase list, which a disconnect cancels (the session's Close
    // interleaves with it and stops the build as well).
    private async Task<bool> RunAsync(WebSocket socket, ITranscriptionSessionGrain session, StreamOptions stream, CancellationToken aborted)
    {
        var limits = options.Value.Limits;
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var idle = new CancellationTokenSource();
        var started = false;
        CheckPhraseList(stream, limits);
        while (true)
        {
            var type = await ReceiveAsync(socket, buffer, limits, idle, aborted);
            var arrived = Stopwatch.GetTimestamp();
            if (type == WebSocketMessageType.Close)
            {
                return false;
            }
            if (type == WebSocketMessageType.Text)
            {
                var command = VoskMessages.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
                if (command is VoskConfig config)
                {
                    if (started)
                    {
                        throw new StreamError("bad_config", "the config message must come before any audio.");
                    }
                    stream.Apply(config);
                    CheckPhraseList(stream, limits);
                    continue;
                }
                if (!started)
                {
                    await session.StartAsync(stream.ToConfig(), aborted);
                }
                var final = await WhileSessionLivesAsync(() => session.FinishAsync());
                await SendAsync(socket, VoskMessages.Final([final], stream.Words), aborted);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "eof", aborted);
                return true;
            }
            if (!started)
            {
                if (AudioSniffer.Container(buffer.WrittenSpan) is { } container)
                {
                    throw new StreamError("not_pcm", $"binary messages must be raw 16-bit little-endian mono PCM, but this one starts like {container}.",
                        WebSocketCloseStatus.InvalidPayloadData);
                }
                await session.StartAsync(stream.ToConfig(), aborted);
                started = true;
            }
            var chunk = buffer.WrittenSpan.ToArray();
            var update = await WhileSessionLivesAsync(() => session.AcceptAudioAsync(chunk));
            var reply = update.Finals.Length > 0 ? VoskMessages.Final(update.Finals, stream.Words) : VoskMessages.Partial(update.Partial);
            await SendAsync(socket, reply, aborted);
            metrics.Replied(Stopwatch.GetElapsedTime(arrived).TotalSeconds);
        }
    }

    // A started session that fails (its silo died, or it was collected and a new, empty activation answered) cannot
    // continue: the client is told to open a new stream; the finals it already received stay valid.
    private static async Task<T> WhileSessionLivesAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            throw new StreamError("session_lost",
                $"this stream's session was lost ({ex.GetType().Name}); open a new stream and send the audio after the last final again.",
                StreamError.TryAgainLater);
        }
    }

    // Reads one whole message into the buffer, enforcing the size limit and the idle timeout.
    private static async Task<WebSocketMessageType> ReceiveAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, StreamLimits limits,
        CancellationTokenSource idle, CancellationToken aborted)
    {
        buffer.ResetWrittenCount();
        idle.CancelAfter(limits.IdleTimeout);
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                // Cancelling a receive would abort the socket; waiting is cancelled instead, so the error can still be sent.
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), aborted).AsTask().WaitAsync(idle.Token);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested)
            {
                throw new StreamError("idle_timeout", $"no message for {limits.IdleTimeout.TotalSeconds:0.#} s; the stream is closed.");
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessageType.Close;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > limits.MaxMessageBytes)
            {
                throw new StreamError("message_too_big", $"a message exceeds the limit of {limits.MaxMessageBytes} bytes; send audio in smaller chunks.",
                    WebSocketCloseStatus.MessageTooBig);
            }
            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    // Before the session sees the list: building its grammar is the costly part.
    private static void CheckPhraseList(StreamOptions stream, StreamLimits limits)
    {
        if (PhraseListLimit.Check(stream.PhraseList, limits) is { } tooLarge)
        {
            throw new StreamError(PhraseListLimit.Code, tooLarge);
        }
        if (PhraseListLimit.CheckBoost(stream.Boost, limits) is { } tooManyBoosts)
        {
            throw new StreamError("bad_config", tooManyBoosts);
        }
    }

    private static Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task FailAsync(WebSocket socket, string code, string message, WebSocketCloseStatus status)
    {
        metrics.Error(code);
        message = Rest.ProblemText.Short(message);
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SendAsync(socket, VoskMessages.Error(code, message), timeout.Token);
            // Close reasons are limited to 123 bytes; the full message went in the JSON above.
            await socket.CloseOutputAsync(status, code, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("Could not deliver the error to a closing stream: {Message}", ex.Message);
        }
    }

    private async Task CloseQuietly(ITranscriptionSessionGrain session)
    {
        try
        {
            await session.CloseAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not close a transcription session");
        }
    }
}
