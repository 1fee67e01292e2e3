namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>Reading whole JSON messages from a WebSocket, as the tests' clients do.</summary>
public static class WebSocketJson
{
    /// <summary>The next message as a JSON object, or null when the other side closed.</summary>
    public static async Task<JsonObject?> ReceiveAsync(WebSocket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }
}
