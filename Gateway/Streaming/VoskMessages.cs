using System.Collections.Immutable;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcousticDistill.Gateway.Streaming;

/// <summary>A text message of Vosk's protocol: a stream configuration or end of stream.</summary>
public abstract record VoskCommand;

/// <summary>
/// <c>{"config": {"sample_rate": R, "words": true, "phrase_list": [...], "boost": {"word": bonus, ...}}}</c>; absent
/// fields stay null (or empty).
/// </summary>
public sealed record VoskConfig(int? SampleRate, bool? Words, ImmutableArray<string> PhraseList) : VoskCommand
{
    /// <summary>Word boosts for open vocabulary (word → log bonus); empty when the config has none.</summary>
    public ImmutableDictionary<string, float> Boost { get; init; } = ImmutableDictionary<string, float>.Empty;
}

/// <summary><c>{"eof" : 1}</c>.</summary>
public sealed record VoskEof : VoskCommand;

/// <summary>
/// Vosk server's message formats (https://github.com/alphacep/vosk-server, websocket/asr_server.py): its config and
/// eof text messages in, <c>{"partial": ...}</c> and <c>{"text": ..., "result": [...]}</c> out. Errors, which Vosk
/// does not define, are <c>{"error": MESSAGE, "code": CODE}</c>.
/// </summary>
public static class VoskMessages
{
    /// <summary>Parses a text message; <see cref="StreamError"/> naming the problem for anything else.</summary>
    public static VoskCommand Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new StreamError("bad_message", $"text message is not JSON (line {ex.LineNumber + 1})", WebSocketCloseStatus.InvalidPayloadData);
        }
        if (root is not JsonObject message)
        {
            throw new StreamError("bad_message", "text message must be a JSON object: {\"config\": {...}} or {\"eof\" : 1}.", WebSocketCloseStatus.InvalidPayloadData);
        }
        if (message.ContainsKey("eof"))
        {
            return new VoskEof();
        }
        if (message["config"] is JsonObject config)
        {
            return ParseConfig(config);
        }
        throw new StreamError("bad_message", "unknown text message; expected {\"config\": {...}} or {\"eof\" : 1}.", WebSocketCloseStatus.InvalidPayloadData);
    }

    private static VoskConfig ParseConfig(JsonObject config)
    {
        int? rate = null;
        if (config["sample_rate"] is { } rateNode)
        {
            if (rateNode is not JsonValue value || !value.TryGetValue<double>(out var number) || number != Math.Floor(number) || number is < 1 or > int.MaxValue)
            {
                throw new StreamError("bad_config", $"config.sample_rate must be a whole number of Hz; got {rateNode.ToJsonString()}.");
            }
            rate = (int)number;
        }
        bool? words = null;
        if (config["words"] is { } wordsNode)
        {
            words = wordsNode is JsonValue w && w.TryGetValue<bool>(out var flag) ? flag
                : wordsNode is JsonValue n && n.TryGetValue<int>(out var i) ? i != 0
                : throw new StreamError("bad_config", "config.words must be true or false.");
        }
        var phrases = ImmutableArray<string>.Empty;
        if ((config["phrase_list"] ?? config["grammar"]) is { } listNode)
        {
            if (listNode is not JsonArray list || list.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out _)))
            {
                throw new StreamError("bad_config", "config.phrase_list must be an array of strings.");
            }
            // "[unk]" is Vosk's garbage word; this decoder has no garbage model, so it is dropped.
            phrases = [.. list.Select(p => p!.GetValue<string>()).Where(p => p.Trim() != "[unk]")];
        }
        var boost = ImmutableDictionary<string, float>.Empty;
        if (config["boost"] is { } boostNode)
        {
            if (boostNode is not JsonObject boosts
                || boosts.Any(b => b.Value is not JsonValue v || !v.TryGetValue<double>(out var x) || !double.IsFinite(x)))
            {
                throw new StreamError("bad_config", "config.boost must be an object of words and numbers, e.g. {\"kubernetes\": 5}.");
            }
            boost = boosts.ToImmutableDictionary(b => b.Key, b => (float)b.Value!.GetValue<double>());
        }
        return new VoskConfig(rate, words, phrases) { Boost = boost };
    }

    /// <summary><c>{"partial": TEXT}</c>.</summary>
    public static string Partial(string text) => new JsonObject { ["partial"] = text }.ToJsonString();

    /// <summary>One final result in Vosk's shape (word times only when asked for); several finals of one chunk are merged.</summary>
    public static string Final(IReadOnlyList<RecognitionResult> finals, bool words) => FinalObject(finals, words).ToJsonString();

    /// <summary>
    /// The final as a JSON object: <c>result</c> (words, when asked for), <c>text</c> and <c>model_version</c> (of the last
    /// final). The one builder of this shape: streams send it as is, <c>POST /v1/recognize</c> adds its own fields.
    /// </summary>
    public static JsonObject FinalObject(IReadOnlyList<RecognitionResult> finals, bool words)
    {
        var message = new JsonObject();
        if (words)
        {
            var array = new JsonArray();
            foreach (var word in finals.SelectMany(f => f.Words))
            {
                array.Add(new JsonObject { ["conf"] = word.Confidence, ["end"] = word.End, ["start"] = word.Start, ["word"] = word.Word });
            }
            message["result"] = array;
        }
        message["text"] = string.Join(' ', finals.Select(f => f.Text).Where(t => t.Length > 0));
        if (finals.Count > 0)
        {
            message["model_version"] = finals[^1].ModelVersion;
        }
        return message;
    }

    /// <summary><c>{"error": MESSAGE, "code": CODE}</c>.</summary>
    public static string Error(string code, string message) => new JsonObject { ["error"] = message, ["code"] = code }.ToJsonString();
}

/// <summary>
/// Ends a stream with an error message and a close status: the client broke the protocol or a limit, or the stream's
/// session was lost; <see cref="Code"/> is the machine-readable reason.
/// </summary>
public sealed class StreamError(string code, string message, WebSocketCloseStatus closeStatus = WebSocketCloseStatus.PolicyViolation)
    : Exception(message)
{
    /// <summary>Close status 1013 ("try again later"): the service, not the client, ended the stream.</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    /// <summary>Short reason, e.g. <c>bad_config</c>, <c>message_too_big</c>, <c>idle_timeout</c>, <c>session_lost</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The WebSocket close status sent after the error message.</summary>
    public WebSocketCloseStatus CloseStatus { get; } = closeStatus;
}
