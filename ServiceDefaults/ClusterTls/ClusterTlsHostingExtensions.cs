using Orleans.Connections.Security;
using Orleans.Hosting;

namespace AcousticDistill.ServiceDefaults.ClusterTls;

/// <summary>Mutual TLS on the Orleans connections of a silo (to other silos and from clients) and of a client (to silos).</summary>
public static class ClusterTlsHostingExtensions
{
    /// <summary>Every connection of this silo, in and out, is TLS; both ends present a certificate issued by the cluster's CA.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCredentials credentials) =>
        silo.UseTls(tls => Apply(tls, credentials));

    /// <summary>Every connection of this client is TLS; it presents its certificate and checks the silo's against the cluster's CA.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCredentials credentials) =>
        client.UseTls(tls => Apply(tls, credentials));

    private static void Apply(TlsOptions tls, ClusterCredentials credentials)
    {
        tls.LocalCertificate = credentials.Certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.HandshakeTimeout = credentials.HandshakeTimeout;
        // Our own chain check replaces the system's: the cluster's CA is not in the system store, and silos are reached by
        // pod address, so the host name is not what identifies a peer; being issued by the cluster's CA is.
        tls.RemoteCertificateValidation = (certificate, chain, _) => credentials.IsTrusted(certificate, chain);
    }
}
