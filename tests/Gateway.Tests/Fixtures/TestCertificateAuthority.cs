using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>
/// A throw-away certificate authority made at test time, which issues PEM certificates for the Orleans ports' mutual TLS
/// and writes them where <c>Orleans:Tls</c> settings can name them: nothing secret is committed, nothing expires in the repo.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _authority;

    /// <summary>A new authority named <paramref name="name"/>; its certificate is written to <paramref name="folder"/>/NAME-ca.pem.</summary>
    public TestCertificateAuthority(string folder, string name)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        _authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
        CertificatePath = Path.Combine(folder, name + "-ca.pem");
        File.WriteAllText(CertificatePath, _authority.ExportCertificatePem());
    }

    /// <summary>Where the certificates go.</summary>
    public string Folder { get; }

    /// <summary>The authority's certificate (PEM), for <c>Orleans:Tls:CaCertificatePath</c>.</summary>
    public string CertificatePath { get; }

    /// <summary>
    /// Issues a certificate for <paramref name="name"/> (serverAuth and clientAuth, as a silo needs; clientAuth only when
    /// <paramref name="serverAuth"/> is false) valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>
    /// (default: now give or take a day), written as NAME.pem and NAME-key.pem.
    /// </summary>
    public IssuedCertificate Issue(string name, bool serverAuth = true, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var usages = new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") };
        if (serverAuth)
        {
            usages.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        }
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var from = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        var to = notAfter ?? DateTimeOffset.UtcNow.AddDays(1);
        using var certificate = request.Create(_authority, from, to, RandomNumberGenerator.GetBytes(16));
        var issued = new IssuedCertificate(Path.Combine(Folder, name + ".pem"), Path.Combine(Folder, name + "-key.pem"));
        File.WriteAllText(issued.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(issued.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return issued;
    }

    /// <summary>Command-line settings that give a host <paramref name="certificate"/> and trust this authority.</summary>
    public string[] Settings(IssuedCertificate certificate) =>
    [
        $"--Orleans:Tls:CertificatePath={certificate.CertificatePath}",
        $"--Orleans:Tls:KeyPath={certificate.KeyPath}",
        $"--Orleans:Tls:CaCertificatePath={CertificatePath}",
    ];

    /// <inheritdoc />
    public void Dispose() => _authority.Dispose();
}

/// <summary>A certificate and its private key, as PEM files.</summary>
public sealed record IssuedCertificate(string CertificatePath, string KeyPath);
