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

    /// <summary>Most streams one client (its key, else its address) may have open at once; 0 = no per-client limit.</summary>
    public int MaxStreamsPerClient { get; set; }
}
