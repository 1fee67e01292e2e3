using System.Globalization;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// The answer to a WebSocket handshake or a <c>POST /v1/recognize</c> that <see cref="StreamAdmission"/> has no slot for:
/// 429 with a problem document (code <see cref="Code"/>, the detail naming the limit) and <c>Retry-After</c>.
/// </summary>
public static class AdmissionRefusal
{
    /// <summary>The problem's <c>code</c> and the <c>gateway.errors</c> reason.</summary>
    public const string Code = "too_many_streams";

    /// <summary>
    /// Seconds a client is asked to wait: a recognition ends within seconds, so a short wait often finds a slot; a client
    /// refused again should back off further (streams can last minutes).
    /// </summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The refusal, with <paramref name="reason"/> (from <see cref="StreamAdmission.TryEnter"/>) as its detail.</summary>
    public static IResult Result(HttpContext context, string reason)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many streams", detail: reason,
            extensions: new Dictionary<string, object?> { ["code"] = Code });
    }
}
