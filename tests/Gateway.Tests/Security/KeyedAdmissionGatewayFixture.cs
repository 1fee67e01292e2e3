namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>A Gateway with a stream key and room for <see cref="MaxStreams"/> streams in all, so that tests can fill it.</summary>
public sealed class KeyedAdmissionGatewayFixture : GatewayFixture
{
    /// <summary><c>Gateway:Limits:MaxConcurrentStreams</c> of this Gateway.</summary>
    public const int MaxStreams = 2;

    /// <inheritdoc />
    protected override string[] MoreSettings =>
    [
        $"--Security:StreamApiKeys:0={SecuredGatewayFixture.StreamKey}",
        $"--Gateway:Limits:MaxConcurrentStreams={MaxStreams}",
        // The test holds silent streams open while it fills the Gateway; the fixture's 2 s would close them under a busy machine.
        "--Gateway:Limits:IdleTimeout=00:01:00",
    ];
}
