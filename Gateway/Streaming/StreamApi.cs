namespace AcousticDistill.Gateway.Streaming;

/// <summary><c>GET /v1/stream</c>: the Vosk-compatible WebSocket (<see cref="VoskStreamHandler"/>).</summary>
public static class StreamApi
{
    /// <summary>Maps the route into the <c>/v1</c> group; it needs a stream key when any is configured, and browsers an allowed origin.</summary>
    public static RouteGroupBuilder MapStreamApi(this RouteGroupBuilder v1)
    {
        v1.Map("/stream", StreamAsync).RequireAllowedOrigin().RequireStreamKey().WithTags("Recognition").WithName("Stream")
            .WithSummary("Live transcription over a WebSocket (Vosk server's protocol)")
            .WithDescription("Config text message, binary 16-bit PCM messages, {\"eof\" : 1}; one partial or final reply per message.");
        return v1;
    }

    private static Task StreamAsync(HttpContext context, VoskStreamHandler handler) => handler.HandleAsync(context);
}
