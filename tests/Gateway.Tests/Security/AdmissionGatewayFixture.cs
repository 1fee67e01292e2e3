namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>
/// A Gateway with the default security settings (no keys, the default per-client limit), long-lived silent streams and room for
/// <see cref="MaxStreams"/> streams in all, a little more than one client may hold.
/// </summary>
public sealed class AdmissionGatewayFixture : GatewayFixture
{
    /// <summary><c>Gateway:Limits:MaxConcurrentStreams</c> of this Gateway.</summary>
    public const int MaxStreams = 20;

    /// <inheritdoc />
    protected override string[] MoreSettings =>
    [
        $"--Gateway:Limits:MaxConcurrentStreams={MaxStreams}",
        // Tests hold silent streams open while they fill the Gateway; the fixture's 2 s would close them under a busy machine.
        "--Gateway:Limits:IdleTimeout=00:01:00",
    ];
}
