using AcousticDistill.Embedded.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AcousticDistill.Gateway.Tests.ClusterSecurity;

/// <summary>
/// The embedded host (a real silo with the grains) with mutual TLS on its Orleans ports, certificates from a test-time
/// authority, and a second, unrelated authority for certificates the silo must refuse.
/// </summary>
public sealed class TlsSiloFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tls-silo-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>The cluster's authority (the silo trusts it).</summary>
    public TestCertificateAuthority Authority { get; private set; } = null!;

    /// <summary>An authority the silo knows nothing of.</summary>
    public TestCertificateAuthority Stranger { get; private set; } = null!;

    /// <summary>The silo's client gateway port (where Orleans clients connect).</summary>
    public int GatewayPort { get; } = Ports.Free();

    /// <summary>Scratch folder of the test certificates.</summary>
    public string CertificateFolder => Path.Combine(_root, "tls");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Authority = new TestCertificateAuthority(CertificateFolder, "cluster");
        Stranger = new TestCertificateAuthority(CertificateFolder, "stranger");
        _app = EmbeddedApplication.Create(
        [
            .. Authority.Settings(Authority.Issue("silo")),
            "--urls", "http://127.0.0.1:0",
            $"--Silo:SiloPort={Ports.Free()}",
            $"--Silo:GatewayPort={GatewayPort}",
            $"--ModelStore:Path={Path.Combine(_root, "store")}",
            $"--Compute:WorkDirectory={Path.Combine(_root, "work")}",
            "--Logging:LogLevel:Default=Warning",
            "--Transcription:OpenVocabulary=false",
        ]);
        await _app.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Authority.Dispose();
        Stranger.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
