using System.Collections.Immutable;
using System.Diagnostics;
using AcousticDistill.Acoustic.Audio;
using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Security;
using AcousticDistill.Grains.Interfaces.Transcription;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// <c>POST /v1/recognize</c>: a WAV body (any format the library decodes) → the final result JSON. The audio goes
/// through a transcription session in one-second chunks, exactly like a stream, so endpointing splits long audio into
/// segments. Query: <c>model</c>, <c>words</c> (default true), <c>phrase</c> (repeatable: a phrase list).
/// Errors are RFC 9457 problem details.
/// </summary>
public static class RecognizeEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapRecognize(this IEndpointRouteBuilder app) => app.MapPost("/v1/recognize", RecognizeAsync).RequireStreamKey();

    private static async Task<IResult> RecognizeAsync(HttpContext context, IGrainFactory grains, IOptions<GatewayOptions> options,
        GatewayMetrics metrics, StreamAdmission admission)
    {
        var limit = options.Value.Limits.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            return Problem(metrics, StatusCodes.Status413PayloadTooLarge, "upload_too_large", "Upload too large",
                $"The body has {context.Request.ContentLength} bytes; the limit is {limit}.");
        }
        var body = await ReadBodyAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            return Problem(metrics, StatusCodes.Status413PayloadTooLarge, "upload_too_large", "Upload too large", $"The body exceeds the limit of {limit} bytes.");
        }
        if (body.Length == 0)
        {
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_audio", "Empty body", "POST a WAV file as the request body.");
        }

        int rate;
        float[] samples;
        try
        {
            body.Position = 0;
            rate = WavDecoder.ReadSampleRate(body);
            body.Position = 0;
            samples = WavDecoder.Decode(body, rate);
        }
        catch (AudioFormatException ex)
        {
            return Problem(metrics, StatusCodes.Status400BadRequest, "bad_audio", "Unreadable audio", ex.Message);
        }

        var (slot, refusal) = admission.TryEnter(ApiKeys.Client(context));
        using var _ = slot;
        if (slot is null)
        {
            return Problem(metrics, StatusCodes.Status429TooManyRequests, "too_many_streams", "Too many streams", refusal!);
        }
        var query = context.Request.Query;
        var words = query["words"].FirstOrDefault() is not ("0" or "false");
        var phrases = query["phrase"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToImmutableArray();
        var session = grains.GetGrain<ITranscriptionSessionGrain>(Guid.NewGuid().ToString("N"));
        metrics.StreamOpened("rest");
        var clock = Stopwatch.StartNew();
        try
        {
            var info = await session.StartAsync(new RecognitionConfig(rate, query["model"].FirstOrDefault(), words, phrases));
            var finals = new List<RecognitionResult>();
            foreach (var chunk in Pcm16Chunks(samples, rate))
            {
                finals.AddRange((await session.AcceptAudioAsync(chunk)).Finals);
            }
            finals.Add(await session.FinishAsync());
            var audioSeconds = samples.Length / (double)rate;
            return Results.Ok(new
            {
                text = string.Join(' ', finals.Select(f => f.Text).Where(t => t.Length > 0)),
                result = words ? finals.SelectMany(f => f.Words).Select(w => new { conf = w.Confidence, end = w.End, start = w.Start, word = w.Word }) : null,
                segments = finals.Where(f => f.Text.Length > 0).Select(f => new { text = f.Text, model_version = f.ModelVersion }),
                model = info.Family,
                model_version = info.ModelVersion,
                audio_seconds = Math.Round(audioSeconds, 3),
                processing_seconds = Math.Round(clock.Elapsed.TotalSeconds, 4),
            });
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

    // Reads at most limit bytes; null when the body is longer.
    private static async Task<MemoryStream?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        return copy;
    }

    // One-second chunks of 16-bit PCM, as a streaming client would send them.
    private static IEnumerable<byte[]> Pcm16Chunks(float[] samples, int rate)
    {
        for (var start = 0; start < samples.Length; start += rate)
        {
            yield return Pcm16Encoder.Encode(samples.AsSpan(start, Math.Min(rate, samples.Length - start)));
        }
    }

    private static IResult Problem(GatewayMetrics metrics, int status, string code, string title, string detail)
    {
        metrics.Error(code);
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
