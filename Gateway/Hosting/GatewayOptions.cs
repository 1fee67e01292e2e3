namespace AcousticDistill.Gateway.Hosting;

/// <summary>How the Gateway reaches the cluster, and its limits (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Gateway";

    /// <summary>
    /// <c>localhost</c> (default: Orleans client of a silo on this machine, through <see cref="SiloGatewayPort"/>) or
    /// <c>redis</c> (Orleans client of the cluster whose membership is in Redis, <c>Redis:ConnectionString</c>). The
    /// embedded single-process mode is another program, the embedded host (<c>Embedded/</c>), which co-hosts a silo and
    /// does not read this setting.
    /// </summary>
    public string Cluster { get; set; } = "localhost";

    /// <summary>The silo's client gateway port in <c>localhost</c> mode.</summary>
    public int SiloGatewayPort { get; set; } = 30000;

    /// <summary>
    /// How long a grain call may take before it fails (client modes). Decoding a chunk takes milliseconds, so a call
    /// that lasts seconds means its silo is gone: the stream gets <c>session_lost</c> instead of waiting for Orleans'
    /// 30 s default.
    /// </summary>
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limits of streams and uploads.</summary>
    public StreamLimits Limits { get; set; } = new();
}

/// <summary>Limits that protect the service from oversized, idle or too many streams.</summary>
public sealed class StreamLimits
{
    /// <summary>Largest WebSocket message (audio chunk or JSON) accepted.</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;

    /// <summary>Largest WAV body of <c>POST /v1/recognize</c>.</summary>
    public long MaxUploadBytes { get; set; } = 50L << 20;

    /// <summary>A stream that sends nothing for this long is closed with an error.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most streams (WebSocket and REST) open at once on this Gateway; more are refused.</summary>
    public int MaxConcurrentStreams { get; set; } = 1000;

    /// <summary>Most phrases in one phrase list: the session builds a grammar from it, at a cost that grows with its size.</summary>
    public int MaxPhrases { get; set; } = 1000;

    /// <summary>Most words in one phrase of a phrase list.</summary>
    public int MaxWordsPerPhrase { get; set; } = 20;

    /// <summary>Most words in a whole phrase list.</summary>
    public int MaxPhraseListWords { get; set; } = 10_000;

    /// <summary>Most boosted words in one request (open vocabulary's <c>boost</c>).</summary>
    public int MaxBoostWords { get; set; } = 100;

    /// <summary>Longest audio of one <c>POST /v1/recognize</c>, in seconds, read from the WAV header before decoding.</summary>
    public double MaxAudioSeconds { get; set; } = 600;

    /// <summary>Checks the values; a clear error naming the bad one.</summary>
    public void Validate()
    {
        if (MaxMessageBytes < 1024 || MaxUploadBytes < 1024 || IdleTimeout <= TimeSpan.Zero || MaxConcurrentStreams < 1)
        {
            throw new InvalidOperationException(
                "Gateway:Limits: MaxMessageBytes and MaxUploadBytes must be at least 1024, IdleTimeout and MaxConcurrentStreams positive.");
        }
        if (MaxPhrases < 1 || MaxWordsPerPhrase < 1 || MaxPhraseListWords < 1 || !(MaxAudioSeconds > 0) || MaxBoostWords < 0)
        {
            throw new InvalidOperationException(
                "Gateway:Limits: MaxPhrases, MaxWordsPerPhrase, MaxPhraseListWords and MaxAudioSeconds must be positive, MaxBoostWords not negative.");
        }
    }
}
