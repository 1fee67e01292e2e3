using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AcousticDistill.ServiceDefaults.ClusterTls;

/// <summary>
/// Decides whether a host uses mutual TLS on the Orleans ports: on whenever <c>Orleans:Tls</c> is configured; required
/// when the cluster spans hosts (Redis clustering) unless <c>Orleans:Tls:Required=false</c> opts out, which is logged as
/// a warning at every start.
/// </summary>
public static class ClusterTlsPolicy
{
    /// <summary>
    /// The credentials to use, or null to run without TLS. Throws, naming <paramref name="mode"/> and the settings, when TLS
    /// is required but not configured, and for any unusable certificate (<see cref="ClusterCredentials.Load"/>).
    /// </summary>
    /// <param name="builder">The host; gets the opt-out warning.</param>
    /// <param name="mode">The setting that makes this a multi-host cluster or not, for messages, e.g. <c>Silo:Clustering=redis</c>.</param>
    /// <param name="spansHosts">Whether the Orleans ports are reachable from other machines (Redis clustering).</param>
    /// <param name="acceptsConnections">A silo (accepts connections: needs serverAuth) rather than a client.</param>
    public static ClusterCredentials? Resolve(IHostApplicationBuilder builder, string mode, bool spansHosts, bool acceptsConnections)
    {
        var options = ClusterTlsOptions.From(builder.Configuration);
        if (options.IsConfigured)
        {
            return ClusterCredentials.Load(options, acceptsConnections, DateTimeOffset.UtcNow);
        }
        var required = options.Required ?? spansHosts;
        if (required)
        {
            throw new InvalidOperationException(
                $"{mode} needs mutual TLS on the Orleans ports: set Orleans:Tls:CertificatePath and Orleans:Tls:CaCertificatePath "
                + "(environment Orleans__Tls__CertificatePath, Orleans__Tls__CaCertificatePath; docs/operations.md says how to make them), "
                + "or Orleans:Tls:Required=false to run without authentication where the network alone keeps others off those ports.");
        }
        if (spansHosts)
        {
            builder.Services.AddHostedService(services => new UnauthenticatedClusterWarning(
                services.GetRequiredService<ILogger<UnauthenticatedClusterWarning>>(), mode));
        }
        return null;
    }
}
