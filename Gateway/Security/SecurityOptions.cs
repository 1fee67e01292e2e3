namespace AcousticDistill.Gateway.Security;

/// <summary>
/// Who may use the Gateway (section <c>Security</c>). Keys come from the environment or a Kubernetes secret
/// (<c>Security__AdminApiKeys__0=…</c>), never from a committed file.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security";

    /// <summary>
    /// Keys that open the admin endpoints (distill, promote, rollback). With none configured, admin endpoints answer
    /// only requests from this machine (loopback), so a fresh single-machine install works and a deployed one is closed.
    /// </summary>
    public List<string> AdminApiKeys { get; set; } = [];

    /// <summary>Keys required for streaming and recognition (<c>/v1/stream</c>, <c>/v1/recognize</c>); none = open.</summary>
    public List<string> StreamApiKeys { get; set; } = [];

    /// <summary>
    /// Most streams and recognitions (<c>/v1/stream</c> and <c>/v1/recognize</c> together) one client may have open at
    /// once; 0 = no per-client limit. A client is its stream key when that is one of <see cref="StreamApiKeys"/>, else
    /// its address (IPv6: its /64). The default, 16, is more than one person or one batch script needs (a stream per
    /// microphone, a recognition per CPU core of the client) and lets one address hold at most 1.6 % of the default
    /// <c>Gateway:Limits:MaxConcurrentStreams</c> (1000), so starving the Gateway takes 63 addresses instead of one. Raise
    /// it (or set 0) where many users share one address or one key: behind a reverse proxy or ingress every client has
    /// the proxy's address, unless each tenant has a key of its own.
    /// </summary>
    public int MaxStreamsPerClient { get; set; } = 16;

    /// <summary>
    /// Host names (the <c>Host</c> header, without port) under which admin actions are accepted, against DNS rebinding;
    /// <c>*</c> = any. Empty (default): <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c> and the hosts of the listening
    /// URLs (<c>--urls</c>; a wildcard URL adds this machine's name), checked only while no admin key is configured
    /// (loopback is then the proof of trust); a configured list is checked always.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Browser origins (<c>https://ops.example.com</c>) allowed besides the Gateway's own (the demo page's) to use admin
    /// actions and the WebSocket; <c>*</c> = any. Requests without <c>Origin</c> (non-browser clients) are not affected.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Checks the values; a clear error naming the bad one.</summary>
    public void Validate()
    {
        if (MaxStreamsPerClient < 0)
        {
            throw new InvalidOperationException(
                $"Security:MaxStreamsPerClient must be 0 (no per-client limit) or positive, not {MaxStreamsPerClient}.");
        }
    }
}
