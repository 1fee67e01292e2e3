using AcousticDistill.ServiceDefaults;
using AcousticDistill.ServiceDefaults.ClusterTls;
using Orleans.Configuration;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>The Gateway as an Orleans client: the silos host the grains, this process only forwards.</summary>
public static class ClusterClientExtensions
{
    /// <summary>
    /// Adds the Orleans client of the cluster <c>Gateway:Cluster</c> names: silos on this machine (<c>localhost</c>) or
    /// found through Redis membership (<c>redis</c>); a clear error for anything else. Mutual TLS as <c>Orleans:Tls</c>
    /// configures it (required with Redis, <see cref="ClusterTlsPolicy"/>).
    /// </summary>
    public static WebApplicationBuilder AddClusterClient(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var cluster = options.Cluster.ToLowerInvariant();
        if (cluster is not ("localhost" or "redis"))
        {
            throw new InvalidOperationException(cluster == "embedded"
                ? "Gateway:Cluster=embedded is no longer a mode of the Gateway: run the embedded host instead (dotnet run --project Embedded, "
                  + "AcousticDistill.Embedded.dll), which co-hosts a silo. The Gateway alone is an Orleans client: localhost or redis."
                : $"Gateway:Cluster '{options.Cluster}' is unknown; use localhost (default) or redis.");
        }
        var identity = ClusterIdentityOptions.From(builder.Configuration);
        var redis = cluster == "redis" ? RedisOptions.Required(builder.Configuration, "Gateway:Cluster=redis") : null;
        var tls = ClusterTlsPolicy.Resolve(builder, $"Gateway:Cluster={cluster}", spansHosts: redis is not null, acceptsConnections: false);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(ids =>
            {
                ids.ClusterId = identity.ClusterId;
                ids.ServiceId = identity.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.GrainCallTimeout);
            if (redis is not null)
            {
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseLocalhostClustering(options.SiloGatewayPort);
            }
            if (tls is not null)
            {
                client.UseClusterTls(tls);
            }
        });
        return builder;
    }
}
