using Microsoft.Extensions.Configuration;

namespace AcousticDistill.ServiceDefaults.ClusterTls;

/// <summary>
/// Mutual TLS on the Orleans ports (section <c>Orleans:Tls</c>), read by silos and Gateways alike: each process presents
/// <see cref="CertificatePath"/> and accepts a peer only if the peer's certificate is issued by an authority in
/// <see cref="CaCertificatePath"/>. Without it, anything that reaches a silo port can join the cluster or call any grain.
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Orleans:Tls";

    /// <summary>This process's certificate: PKCS#12 (<c>.pfx</c>, <c>.p12</c>, key inside) or PEM (key in <see cref="KeyPath"/>
    /// or in the same file). Silos need the serverAuth and clientAuth usages, Gateways clientAuth.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM <see cref="CertificatePath"/>; default: the certificate file itself.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 file or of an encrypted PEM key; give it through the environment
    /// (<c>Orleans__Tls__Password</c>, from a Kubernetes secret), never in a committed file.</summary>
    public string? Password { get; set; }

    /// <summary>PEM file of the certificate authorities whose certificates this process accepts from peers (the cluster's
    /// own CA; during a rotation the old and the new one, concatenated). Use a CA dedicated to this cluster: any
    /// certificate it issued is let in.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>
    /// Whether the process refuses to start without TLS. Default (unset): required with Redis clustering (several
    /// hosts), not with localhost clustering (one machine). <c>false</c> runs a multi-host cluster unauthenticated, with
    /// a warning at start-up: only where the network alone keeps strangers off the Orleans ports.
    /// </summary>
    public bool? Required { get; set; }

    /// <summary>How long a TLS handshake may take before the connection is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether any TLS setting is given (then TLS is on, and every needed setting must be right).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CaCertificatePath)
                                || !string.IsNullOrWhiteSpace(KeyPath);

    /// <summary>The configured options (defaults where unset).</summary>
    public static ClusterTlsOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
}
