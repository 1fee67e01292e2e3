using System.Net;

namespace AcousticDistill.Gateway.Security;

/// <summary>
/// Refuses what a browser can be tricked into sending: a request from another site's page (its <c>Origin</c> is not
/// this Gateway's nor an allowed one) and a request that reached this machine under a foreign name (DNS rebinding: its
/// <c>Host</c> is not an allowed host). Being on loopback proves nothing about a browser's request, because the
/// browser runs on this machine too; these checks close that gap for admin actions and WebSocket streams.
/// </summary>
public sealed class BrowserRequestGuard(IOptionsMonitor<SecurityOptions> options, IConfiguration configuration)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "[::]"];

    /// <summary>
    /// Null when the request's <c>Host</c> is allowed, else a 403. The default list applies only while loopback is the
    /// proof of trust (no admin key configured): with keys, a rebound page cannot send one (keys travel in headers only,
    /// which a cross-site request cannot set without a CORS preflight the Gateway never grants), and a deployment reached
    /// under its service or ingress name keeps working. A configured list applies always.
    /// </summary>
    public IResult? RefuseHost(HttpContext context)
    {
        if (options.CurrentValue.AllowedHosts.Count == 0 && options.CurrentValue.AdminApiKeys.Count > 0)
        {
            return null;
        }
        var host = context.Request.Host.HasValue ? context.Request.Host.Host : "";
        var allowed = AllowedHosts();
        return allowed.Contains("*") || allowed.Contains(host) ? null
            : Refuse("forbidden_host", "Host not allowed", "This host name is not in Security:AllowedHosts.");
    }

    /// <summary>Null when the request has no <c>Origin</c> (not a browser), this Gateway's own, or an allowed one; else a 403.</summary>
    public IResult? RefuseOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }
        var allowed = options.CurrentValue.AllowedOrigins;
        var sameOrigin = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        var listed = allowed.Contains("*") || allowed.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        return sameOrigin || listed ? null
            : Refuse("forbidden_origin", "Cross-origin request refused", "This origin is not in Security:AllowedOrigins.");
    }

    /// <summary>
    /// The configured hosts, or by default the loopback names and the hosts of the listening URLs (<c>--urls</c>); a
    /// wildcard URL (<c>http://+:2700</c>) adds this machine's name.
    /// </summary>
    public HashSet<string> AllowedHosts()
    {
        var configured = options.CurrentValue.AllowedHosts;
        if (configured.Count > 0)
        {
            return new HashSet<string>(configured, StringComparer.OrdinalIgnoreCase);
        }
        var hosts = new HashSet<string>(LoopbackHosts, StringComparer.OrdinalIgnoreCase);
        var urls = configuration["urls"] ?? "";
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(url);
            hosts.Add(WildcardHosts.Contains(host) ? Dns.GetHostName() : host);
        }
        return hosts;
    }

    // The host of a listening URL such as http://[::1]:2700 or http://+:2700 (which Uri does not parse).
    private static string HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var authority = url[start..].Split('/')[0];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close > 0 ? authority[..(close + 1)] : authority;
        }
        var colon = authority.IndexOf(':');
        return colon >= 0 ? authority[..colon] : authority;
    }

    private static IResult Refuse(string code, string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
