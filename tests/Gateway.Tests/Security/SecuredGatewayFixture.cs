namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>A Gateway with admin and stream API keys and a per-client stream limit of two.</summary>
public sealed class SecuredGatewayFixture : GatewayFixture
{
    /// <summary>The admin key.</summary>
    public const string AdminKey = "admin-key-for-tests";

    /// <summary>The stream key.</summary>
    public const string StreamKey = "stream-key-for-tests";

    /// <inheritdoc />
    protected override string[] MoreSettings =>
    [
        $"--Security:AdminApiKeys:0={AdminKey}",
        $"--Security:StreamApiKeys:0={StreamKey}",
        "--Security:MaxStreamsPerClient=2",
    ];
}
