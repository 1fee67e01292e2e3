using AcousticDistill.Grains.Interfaces.Registry;
using AcousticDistill.ServiceDefaults.ClusterTls;

namespace AcousticDistill.Gateway.Tests.ClusterSecurity;

/// <summary>
/// Issue 14: with <c>Orleans:Tls</c> set, only a client holding a certificate from the cluster's authority reaches the
/// grains; a bare client, or one with a certificate from another authority, cannot call <see cref="IModelRegistryGrain"/>.
/// </summary>
public sealed class ClusterTlsTests(TlsSiloFixture silo) : IClassFixture<TlsSiloFixture>
{
    /// <summary>
    /// How long a client without a valid certificate is given to connect: Orleans retries a refused handshake until the
    /// start is cancelled, so a refused client ends here. The good client, which passes the same handshake, shows that
    /// the time is ample; it runs without this limit.
    /// </summary>
    private static readonly TimeSpan s_refusalDeadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ClientWithClusterCertificate_CallsTheRegistry()
    {
        var credentials = Credentials(silo.Authority, silo.Authority.Issue("gateway-" + Guid.NewGuid().ToString("N"), serverAuth: false));

        await using var client = await OrleansTestClient.ConnectAsync(silo.GatewayPort, credentials);
        var versions = await client.Grains.GetGrain<IModelRegistryGrain>("en-16k").GetVersionsAsync();

        Assert.NotEmpty(versions);
    }

    [Fact]
    public async Task ClientWithoutCertificate_CannotCallTheRegistry()
    {
        var error = await CallRegistryAsync(credentials: null);

        Assert.NotNull(error);
    }

    [Fact]
    public async Task ClientWithCertificateFromAnotherAuthority_CannotCallTheRegistry()
    {
        // The intruder trusts the silo's authority (so its own side of the handshake passes) but holds a certificate
        // from its own authority: the silo must refuse it.
        var intruder = silo.Stranger.Issue("intruder-" + Guid.NewGuid().ToString("N"), serverAuth: false);
        var trustsSiloOnly = ClusterCredentials.Load(new ClusterTlsOptions
        {
            CertificatePath = intruder.CertificatePath,
            KeyPath = intruder.KeyPath,
            CaCertificatePath = Bundle(silo.Stranger.CertificatePath, silo.Authority.CertificatePath),
        }, acceptsConnections: false, DateTimeOffset.UtcNow);

        var error = await CallRegistryAsync(trustsSiloOnly);

        Assert.NotNull(error);
    }

    private async Task<Exception?> CallRegistryAsync(ClusterCredentials? credentials) =>
        await Record.ExceptionAsync(async () =>
        {
            using var deadline = new CancellationTokenSource(s_refusalDeadline);
            await using var client = await OrleansTestClient.ConnectAsync(silo.GatewayPort, credentials, deadline.Token);
            await client.Grains.GetGrain<IModelRegistryGrain>("en-16k").GetVersionsAsync(deadline.Token);
        });

    private ClusterCredentials Credentials(TestCertificateAuthority authority, IssuedCertificate certificate) =>
        ClusterCredentials.Load(new ClusterTlsOptions
        {
            CertificatePath = certificate.CertificatePath,
            KeyPath = certificate.KeyPath,
            CaCertificatePath = authority.CertificatePath,
        }, acceptsConnections: false, DateTimeOffset.UtcNow);

    private string Bundle(params string[] authorities)
    {
        var path = Path.Combine(silo.CertificateFolder, "bundle-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, string.Join("\n", authorities.Select(File.ReadAllText)));
        return path;
    }
}
