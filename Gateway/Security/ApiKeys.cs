using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace AcousticDistill.Gateway.Security;

/// <summary>
/// Checks API keys, given as <c>Authorization: Bearer KEY</c>, <c>X-Api-Key: KEY</c> or, for browsers' WebSockets
/// (which cannot set headers), <c>?api_key=KEY</c> for stream keys only: an admin key in a URL would end up in logs,
/// browser history and proxies. Comparison takes the same time whatever the key.
/// </summary>
public sealed class ApiKeys(IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>The key a request carries, or null; <paramref name="headersOnly"/> ignores <c>?api_key=</c>.</summary>
    public static string? Presented(HttpRequest request, bool headersOnly = false)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        return request.Headers["X-Api-Key"].FirstOrDefault() ?? (headersOnly ? null : request.Query["api_key"].FirstOrDefault());
    }

    /// <summary>Null when the request may use admin endpoints, else the refusal.</summary>
    public IResult? RefuseAdmin(HttpContext context)
    {
        var keys = options.CurrentValue.AdminApiKeys;
        if (keys.Count == 0)
        {
            // A request a proxy forwarded is loopback to us whoever sent it; the Gateway never trusts forwarded
            // addresses, so such a request needs a key.
            var proxied = context.Request.Headers.ContainsKey("Forwarded") || context.Request.Headers.ContainsKey("X-Forwarded-For");
            return !proxied && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) ? null
                : Refuse(StatusCodes.Status403Forbidden, "Admin endpoints are closed",
                    "No admin API key is configured (Security:AdminApiKeys), so admin endpoints only answer direct requests from this machine.");
        }
        return Refused(keys, Presented(context.Request, headersOnly: true), "an admin API key",
            "send 'Authorization: Bearer KEY' or 'X-Api-Key: KEY' (not in the URL)");
    }

    /// <summary>Null when the request may stream or recognise, else the refusal.</summary>
    public IResult? RefuseStream(HttpContext context)
    {
        var keys = options.CurrentValue.StreamApiKeys;
        return keys.Count == 0 ? null : Refused(keys, Presented(context.Request), "a streaming API key",
            "send 'Authorization: Bearer KEY' or 'X-Api-Key: KEY' (WebSockets: ?api_key=KEY)");
    }

    /// <summary>
    /// Who a stream or recognition counts against for per-client limits: its key when that is one of the configured
    /// stream keys, else its address (<see cref="ClientAddress"/>). Any other key is no identity: with no stream keys
    /// configured, a key is ignored rather than refused (clients made for keyed servers, or a proxy's own
    /// <c>Authorization</c>, may send one), so a new made-up key per connection must not make a new client.
    /// </summary>
    public string Client(HttpContext context)
    {
        var keys = options.CurrentValue.StreamApiKeys;
        return keys.Count > 0 && Presented(context.Request) is { Length: > 0 } key && Matches(keys, key)
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]
            : ClientAddress.Identity(context.Connection.RemoteIpAddress);
    }

    private static IResult? Refused(List<string> keys, string? presented, string what, string how)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return Refuse(StatusCodes.Status401Unauthorized, "API key required",
                $"This endpoint needs {what}: {how}.");
        }
        return Matches(keys, presented) ? null : Refuse(StatusCodes.Status403Forbidden, "API key refused", $"The key given is not {what}.");
    }

    // Compares with every key, each in constant time, so the time taken tells nothing about which key came close.
    private static bool Matches(List<string> keys, string presented)
    {
        var given = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
        }
        return match;
    }

    private static IResult Refuse(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = "unauthorized" });
}
