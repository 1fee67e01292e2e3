using AcousticDistill.Grains;
using AcousticDistill.ServiceDefaults;
using AcousticDistill.ServiceDefaults.ClusterTls;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;

namespace AcousticDistill.Silo.Hosting;

/// <summary>The Orleans silo of the learning flow, configured from the <c>Silo</c> section and the grains' sections.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the silo (clustering, state storage, reminders, dashboard), the grains' services, their meters and the model
    /// store's health check. The host adds the service defaults (<c>AddServiceDefaults</c>) itself: the Silo alone, or the
    /// embedded host that puts this silo beside the Gateway.
    /// </summary>
    public static WebApplicationBuilder AddAcousticSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        var identity = ClusterIdentityOptions.From(builder.Configuration);
        // Read before UseOrleans so that a missing or bad certificate stops the host at once, naming the setting.
        var tls = ClusterTlsPolicy.Resolve(builder, $"Silo:Clustering={options.Clustering}",
            spansHosts: options.Clustering.Equals("redis", StringComparison.OrdinalIgnoreCase), acceptsConnections: true);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = identity.ClusterId;
                cluster.ServiceId = identity.ServiceId;
            });
            switch (options.Clustering.ToLowerInvariant())
            {
                case "localhost":
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                    break;
                case "redis":
                    silo.UseRedisClustering(RedisOptions.Required(builder.Configuration, "Silo:Clustering=redis"));
                    silo.Configure<EndpointOptions>(endpoints => SiloEndpoints.Configure(endpoints, options));
                    break;
                default:
                    throw new InvalidOperationException($"Silo:Clustering '{options.Clustering}' is unknown; use localhost or redis.");
            }
            switch (options.Storage.ToLowerInvariant())
            {
                case "memory":
                    silo.AddMemoryGrainStorage(Constants.StateStorage);
                    silo.UseInMemoryReminderService();
                    break;
                case "redis":
                    var connection = RedisOptions.Required(builder.Configuration, "Silo:Storage=redis");
                    silo.AddRedisGrainStorage(Constants.StateStorage, redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(connection));
                    silo.UseRedisReminderService(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(connection));
                    break;
                default:
                    throw new InvalidOperationException($"Silo:Storage '{options.Storage}' is unknown; use memory or redis.");
            }
            if (options.Kubernetes ?? (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null
                                       && Environment.GetEnvironmentVariable("POD_NAMESPACE") is not null))
            {
                silo.UseKubernetesHosting();
            }
            if (tls is not null)
            {
                silo.UseClusterTls(tls);
            }
            silo.AddDashboard();
        });
        builder.Services.AddAcousticGrainServices(builder.Configuration);
        builder.AddSiloObservability();
        builder.Services.AddHostedService<ScheduleRegistration>();
        builder.Services.AddHostedService<DefaultModelRegistration>();
        return builder;
    }
}
