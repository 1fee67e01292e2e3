using AcousticDistill.Embedded.Hosting;
using AcousticDistill.Gateway.Hosting;
using AcousticDistill.ServiceDefaults.ClusterTls;
using AcousticDistill.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AcousticDistill.Gateway.Tests.ClusterSecurity;

/// <summary>
/// A host whose TLS settings are missing or wrong refuses to start with a message naming the setting, the file and the
/// problem; a multi-host cluster without TLS starts only when explicitly opted out.
/// </summary>
public sealed class ClusterTlsConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tls-config-tests-" + Guid.NewGuid().ToString("N"));
    private readonly TestCertificateAuthority _authority;

    public ClusterTlsConfigurationTests() => _authority = new TestCertificateAuthority(_folder, "cluster");

    [Fact]
    public void RedisSilo_WithoutTls_RefusedNamingTheSettingsAndTheOptOut()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloApplication.Create(["--Silo:Clustering=redis", "--Redis:ConnectionString=127.0.0.1:1"]));

        Assert.Contains("Silo:Clustering=redis needs mutual TLS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:Tls:Required=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisGateway_WithoutTls_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(["--Gateway:Cluster=redis", "--Redis:ConnectionString=127.0.0.1:1"]));

        Assert.Contains("Gateway:Cluster=redis needs mutual TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisGateway_OptedOut_StartsBuildingAndWarns()
    {
        // Building is enough: the opt-out is accepted and its warning registered; nothing connects to Redis until start.
        await using var app = GatewayApplication.Create(["--Gateway:Cluster=redis", "--Redis:ConnectionString=127.0.0.1:1", "--Orleans:Tls:Required=false"]);

        Assert.Contains(app.Services.GetServices<IHostedService>(), service => service.GetType().Name == "UnauthenticatedClusterWarning");
    }

    [Fact]
    public async Task Embedded_WithoutTls_StartsBuildingWithoutWarning()
    {
        await using var app = EmbeddedApplication.Create([$"--ModelStore:Path={Path.Combine(_folder, "store")}"]);

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service.GetType().Name == "UnauthenticatedClusterWarning");
    }

    [Fact]
    public void Silo_MissingCertificateFile_NamesSettingAndPath()
    {
        var missing = Path.Combine(_folder, "nowhere.pem");

        var error = Assert.Throws<InvalidOperationException>(() => SiloApplication.Create(
            [$"--Orleans:Tls:CertificatePath={missing}", $"--Orleans:Tls:CaCertificatePath={_authority.CertificatePath}"]));

        Assert.Equal($"Orleans:Tls:CertificatePath '{missing}': the file does not exist.", error.Message);
    }

    [Fact]
    public void Gateway_CertificateWithoutCa_NamesTheMissingSetting()
    {
        var certificate = _authority.Issue("gateway", serverAuth: false);

        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(
            [$"--Orleans:Tls:CertificatePath={certificate.CertificatePath}", $"--Orleans:Tls:KeyPath={certificate.KeyPath}"]));

        Assert.Contains("Orleans:Tls:CaCertificatePath is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpiredCertificate_SaysExpired()
    {
        var expired = _authority.Issue("expired", notBefore: DateTimeOffset.UtcNow.AddDays(-10), notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        var error = Assert.Throws<InvalidOperationException>(() => Load(expired, acceptsConnections: true));

        Assert.Contains("Orleans:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("expired on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeyOfAnotherCertificate_SaysTheKeyDoesNotBelong()
    {
        var one = _authority.Issue("one");
        var other = _authority.Issue("other");

        var error = Assert.Throws<InvalidOperationException>(() => Load(one with { KeyPath = other.KeyPath }, acceptsConnections: true));

        Assert.Contains(other.KeyPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("with its own private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnreadableCertificate_SaysItCouldNotBeLoaded()
    {
        var garbage = Path.Combine(_folder, "garbage.pem");
        File.WriteAllText(garbage, "not a certificate");

        var error = Assert.Throws<InvalidOperationException>(() => Load(new IssuedCertificate(garbage, garbage), acceptsConnections: false));

        Assert.StartsWith($"Orleans:Tls:CertificatePath '{garbage}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClientOnlyCertificateForSilo_SaysServerAuthIsNeeded()
    {
        var clientOnly = _authority.Issue("client-only", serverAuth: false);

        var error = Assert.Throws<InvalidOperationException>(() => Load(clientOnly, acceptsConnections: true));

        Assert.Contains("serverAuth and clientAuth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CertificateFromAnotherAuthority_SaysPeersWouldRefuseIt()
    {
        using var stranger = new TestCertificateAuthority(_folder, "stranger");
        var foreign = stranger.Issue("foreign");

        var error = Assert.Throws<InvalidOperationException>(() => Load(foreign, acceptsConnections: true));

        Assert.Contains("is not issued by an authority in Orleans:Tls:CaCertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LeafAsAuthority_SaysItIsNoCertificateAuthority()
    {
        var leaf = _authority.Issue("leaf");

        var error = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(new ClusterTlsOptions
        {
            CertificatePath = leaf.CertificatePath,
            KeyPath = leaf.KeyPath,
            CaCertificatePath = leaf.CertificatePath,
        }, acceptsConnections: true, DateTimeOffset.UtcNow));

        Assert.Contains("Orleans:Tls:CaCertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a certificate authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTrusted_AcceptsOwnAuthorityAndRefusesAnother()
    {
        using var stranger = new TestCertificateAuthority(_folder, "stranger");
        var credentials = Load(_authority.Issue("silo"), acceptsConnections: true);
        using var peer = Certificate(_authority.Issue("peer"));
        using var foreign = Certificate(stranger.Issue("foreign"));

        Assert.True(credentials.IsTrusted(peer, presented: null));
        Assert.False(credentials.IsTrusted(foreign, presented: null));
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ClusterCredentials Load(IssuedCertificate certificate, bool acceptsConnections) =>
        ClusterCredentials.Load(new ClusterTlsOptions
        {
            CertificatePath = certificate.CertificatePath,
            KeyPath = certificate.KeyPath,
            CaCertificatePath = _authority.CertificatePath,
        }, acceptsConnections, DateTimeOffset.UtcNow);

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(IssuedCertificate issued) =>
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(issued.CertificatePath);
}
