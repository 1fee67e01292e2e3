using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Streaming;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// <c>POST /v1/recognize</c>: a WAV body (any format the service decodes) → the final result JSON. The bytes go to a
/// transcription session, which decodes the file once (in the silo: the Gateway has no audio code) and recognises it
/// in one-second chunks, exactly like a stream, so endpointing splits long audio into segments. Query: <c>model</c>,
/// <c>words</c> (default true), <c>phrase</c> (repeatable: a phrase list, within the phrase-list limits). Audio longer than
/// <see cref="StreamLimits.MaxAudioSeconds"/> is refused from its header. A request holds a slot of
/// <see cref="StreamAdmission"/>, like a WebSocket stream, from before its upload is read until it is answered; with none
/// free it gets 429 (<see cref="AdmissionRefusal"/>). Errors are RFC 9457 problem details.
/// </summary>
public static class RecognizeEndpoint
{
    /// <summary>Maps the route into the <c>/v1</c> group.</summary>
    public static RouteGroupBuilder MapRecognizeApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/recognize", RecognizeAsync).RequireStreamKey().WithTags("Recognition").WithName("Recognize")
            .WithSummary("Transcribe a WAV file")
            .WithDescription("WAV body (PCM 8-32 bit, float, µ-law, A-law, any channels and rate); query model, words, phrase. The final text, words and segments.");
        return v1;
    }

    private static async Task<IResult> RecognizeAsync(HttpContext context, IGrainFactory grains, IOptions<GatewayOptions> options,
        GatewayMetrics metrics, StreamAdmission admission, ApiKeys keys)
    {
        var limits = options.Value.Limits;
        var query = context.Request.Query;
        var phrases = query["phrase"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToImmutableArray();
        if (PhraseListLimit.Check(phrases, limits) is { } tooManyPhrases)
        {
            return Problem(metrics, StatusCodes.Status400BadRequest, PhraseListLimit.Code, "Phrase list too large", tooManyPhrases);
        }
        // ?boost=word:bonus (repeated): open vocabulary's word boosts.
        var boost = ImmutableDictionary.CreateBuilder<string, float>(StringComparer.Ordinal);
        foreach (var item in query["boost"].Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            var colon = item!.LastIndexOf(':');
            if (colon <= 0 || !float.TryParse(item[(colon + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var bonus))
            {
                return Problem(metrics, StatusCodes.Status400BadRequest, "bad_config", "Bad boost", $"boost '{item}' is not WORD:BONUS (e.g. boost=kubernetes:5).");
            }
            boost[item[..colon]] = bonus;
        }
        if (PhraseListLimit.CheckBoost(boost, limits) is { } tooManyBoosts)
        {
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_config", "Too many boosts", tooManyBoosts);
        }
        var limit = limits.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            return Problem(metrics, StatusCodes.Status413PayloadTooLarge, "upload_too_large", "Upload too large",
                $"The body has {context.Request.ContentLength} bytes; the limit is {limit}.");
        }
        // The slot is taken before the upload is read: a body trickled in slowly holds memory and a connection as long as
        // a stream does, so it counts like one (globally and against its client).
        var (slot, refusal) = admission.TryEnter(keys.Client(context));
        using var _ = slot;
        if (slot is null)
        {
            metrics.Error(AdmissionRefusal.Code);
            return AdmissionRefusal.Result(context, refusal!);
        }
        var wav = await UploadBody.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, context.RequestAborted);
        if (wav is null)
        {
            return Problem(metrics, StatusCodes.Status413PayloadTooLarge, "upload_too_large", "Upload too large", $"The body exceeds the limit of {limit} bytes.");
        }
        if (wav.Length == 0)
        {
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_audio", "Empty body", "POST a WAV file as the request body.");
        }
        // From the header, before the silo decodes anything: a few megabytes of µ-law are an hour of audio.
        if (WavDuration.Seconds(wav) is { } seconds && seconds > limits.MaxAudioSeconds)
        {
            return Problem(metrics, StatusCodes.Status413PayloadTooLarge, "audio_too_long", "Audio too long",
                $"The file holds {seconds:0.#} s of audio; the limit is {limits.MaxAudioSeconds:0.#} s (Gateway:Limits:MaxAudioSeconds).");
        }
        var words = query["words"].FirstOrDefault() is not ("0" or "false");
        var session = grains.GetGrain<ITranscriptionSessionGrain>(Guid.NewGuid().ToString("N"));
        metrics.StreamOpened("rest");
        var clock = Stopwatch.StartNew();
        try
        {
            // The file's own rate replaces the configured one: the session reads it from the header.
            var file = await session.StartWavAsync(new RecognitionConfig(StreamOptions.DefaultSampleRate, query["model"].FirstOrDefault(), words, phrases)
                { Boost = boost.ToImmutable() }, wav);
            var finals = new List<RecognitionResult>();
            for (var chunk = 0; chunk < file.Chunks; chunk++)
            {
                finals.AddRange((await session.DecodeNextWavChunkAsync()).Finals);
            }
            finals.Add(await session.FinishAsync());
            var result = VoskMessages.FinalObject(finals, words);
            result["segments"] = new JsonArray([.. finals.Where(f => f.Text.Length > 0)
                .Select(f => new JsonObject { ["text"] = f.Text, ["model_version"] = f.ModelVersion })]);
            result["model"] = file.Session.Family;
            result["model_version"] = file.Session.ModelVersion;
            if (!file.Session.GuessedWords.IsDefaultOrEmpty)
            {
                // Phrase-list words the lexicon lacks, pronounced by letter-to-sound rules: the client should know.
                result["guessed_words"] = new JsonArray([.. file.Session.GuessedWords.Select(w => JsonValue.Create(w))]);
            }
            result["audio_seconds"] = Math.Round(file.AudioSeconds, 3);
            result["processing_seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 4);
            return Results.Json(result);
        }
        catch (BadAudioException ex)
        {
            await session.CloseAsync();
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_audio", "Unreadable audio", ex.Message);
        }
        catch (ArgumentException ex)
        {
            await session.CloseAsync();
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_config", "Cannot recognise this request", ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            await session.CloseAsync();
            return Problem(metrics, StatusCodes.Status503ServiceUnavailable, "unavailable", "Model not available", ex.Message);
        }
        finally
        {
            metrics.StreamClosed();
        }
    }

    private static IResult Problem(GatewayMetrics metrics, int status, string code, string title, string detail)
    {
        metrics.Error(code);
        return Results.Problem(statusCode: status, title: title, detail: ProblemText.Short(detail),
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
