using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AcousticDistill.ServiceDefaults.ClusterTls;

/// <summary>
/// What a process proves and trusts on the Orleans ports: its own certificate with private key, and the certificate
/// authorities a peer's certificate must chain to. Loaded once at start-up from <see cref="ClusterTlsOptions"/>, with an
/// error naming the setting, the file and the problem for anything that would only fail later, at the first handshake.
/// </summary>
public sealed class ClusterCredentials
{
    private static readonly Oid s_serverAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid s_clientAuth = new("1.3.6.1.5.5.7.3.2");

    private ClusterCredentials(X509Certificate2 certificate, X509Certificate2Collection authorities, TimeSpan handshakeTimeout)
    {
        Certificate = certificate;
        Authorities = authorities;
        HandshakeTimeout = handshakeTimeout;
    }

    /// <summary>This process's certificate (with its private key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The authorities a peer's certificate must be issued by.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>How long a TLS handshake may take (<see cref="ClusterTlsOptions.HandshakeTimeout"/>).</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>
    /// Loads and checks the credentials: both files readable, the key the certificate's own, the certificate valid now,
    /// allowed for client authentication (and server authentication when <paramref name="acceptsConnections"/>: a silo),
    /// and issued by one of the configured authorities.
    /// </summary>
    public static ClusterCredentials Load(ClusterTlsOptions options, bool acceptsConnections, DateTimeOffset now)
    {
        var authorities = LoadAuthorities(Require(options.CaCertificatePath, "CaCertificatePath"));
        var certificate = LoadCertificate(options, Require(options.CertificatePath, "CertificatePath"));
        var path = options.CertificatePath;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw Problem("CertificatePath", path, now > certificate.NotAfter
                ? $"the certificate {certificate.Subject} expired on {certificate.NotAfter:u}"
                : $"the certificate {certificate.Subject} is not valid before {certificate.NotBefore:u}");
        }
        if (!AllowsUsage(certificate, s_clientAuth) || (acceptsConnections && !AllowsUsage(certificate, s_serverAuth)))
        {
            throw Problem("CertificatePath", path, acceptsConnections
                ? "the certificate's extended key usage must include both serverAuth and clientAuth (a silo accepts and opens connections)"
                : "the certificate's extended key usage must include clientAuth");
        }
        var credentials = new ClusterCredentials(certificate, authorities, options.HandshakeTimeout);
        if (!credentials.IsIssuedByAuthority(certificate, extraCertificates: [], now))
        {
            throw Problem("CertificatePath", path,
                $"the certificate {certificate.Subject} is not issued by an authority in Orleans:Tls:CaCertificatePath ({options.CaCertificatePath}); peers would refuse it");
        }
        return credentials;
    }

    /// <summary>
    /// Whether a peer's certificate chains to one of <see cref="Authorities"/> (the system's trusted roots play no part),
    /// through any intermediates the peer sent in <paramref name="presented"/>.
    /// </summary>
    public bool IsTrusted(X509Certificate2 peer, X509Chain? presented)
    {
        var intermediates = presented?.ChainElements.Select(element => element.Certificate)
            .Where(certificate => certificate.Thumbprint != peer.Thumbprint) ?? [];
        return IsIssuedByAuthority(peer, intermediates, DateTimeOffset.UtcNow);
    }

    private bool IsIssuedByAuthority(X509Certificate2 certificate, IEnumerable<X509Certificate2> extraCertificates, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        // Revocation lists are not published for a cluster's private CA; rotation (docs/operations.md) takes their place.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        foreach (var extra in extraCertificates)
        {
            chain.ChainPolicy.ExtraStore.Add(extra);
        }
        return chain.Build(certificate);
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(EnsureExists(path, "CaCertificatePath"));
        }
        catch (CryptographicException ex)
        {
            throw Problem("CaCertificatePath", path, "it could not be read as PEM certificates: " + ex.Message);
        }
        if (authorities.Count == 0)
        {
            throw Problem("CaCertificatePath", path, "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        if (authorities.FirstOrDefault(ca => ca.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            is { } notAuthority)
        {
            throw Problem("CaCertificatePath", path, $"{notAuthority.Subject} is not a certificate authority (basic constraints CA:TRUE)");
        }
        return authorities;
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options, string path)
    {
        EnsureExists(path, "CertificatePath");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        X509Certificate2 certificate;
        if (extension is ".pfx" or ".p12")
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.Password);
            }
            catch (CryptographicException ex)
            {
                throw Problem("CertificatePath", path, "it could not be read as PKCS#12 (is Orleans:Tls:Password right?): " + ex.Message);
            }
        }
        else
        {
            var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? path : EnsureExists(options.KeyPath, "KeyPath");
            try
            {
                certificate = string.IsNullOrEmpty(options.Password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, options.Password, keyPath);
            }
            // .NET reports a key that is not the certificate's own as an ArgumentException, unreadable PEM as a CryptographicException.
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                throw Problem("CertificatePath", path,
                    $"it and the key {keyPath} (Orleans:Tls:KeyPath) could not be loaded as a PEM certificate with its own private key: {ex.Message}");
            }
        }
        if (!certificate.HasPrivateKey)
        {
            throw Problem("CertificatePath", path, "it has no private key; give the key (Orleans:Tls:KeyPath, or inside the PKCS#12 file)");
        }
        return certificate;
    }

    private static bool AllowsUsage(X509Certificate2 certificate, Oid usage) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is not { } usages
        || usages.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == usage.Value);

    private static string Require(string? value, string setting) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Orleans:Tls:{setting} is not set (environment Orleans__Tls__{setting}); mutual TLS needs both CertificatePath and CaCertificatePath.")
            : value;

    private static string EnsureExists(string path, string setting) =>
        File.Exists(path) ? path : throw Problem(setting, path, "the file does not exist");

    private static InvalidOperationException Problem(string setting, string? path, string problem) =>
        new($"Orleans:Tls:{setting} '{path}': {problem}.");
}
