using AcousticDistill.Grains;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AcousticDistill.Silo.Hosting;

/// <summary>The Orleans silo of the learning flow, configured from the <c>Silo</c> section and the grains' sections.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the silo (clustering, state storage, reminders, dashboard) and the grains' services.</summary>
    public static WebApplicationBuilder AddAcousticSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            switch (options.Clustering.ToLowerInvariant())
            {
                case "localhost":
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Silo:Clustering '{options.Clustering}' is not available in this build (supported: localhost; " +
                        "redis needs the Microsoft.Orleans.Clustering.Redis package).");
            }
            switch (options.Storage.ToLowerInvariant())
            {
                case "memory":
                    silo.AddMemoryGrainStorage(Constants.StateStorage);
                    silo.UseInMemoryReminderService();
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Silo:Storage '{options.Storage}' is not available in this build (supported: memory; " +
                        "redis needs the Microsoft.Orleans.Persistence.Redis and Reminders.Redis packages).");
            }
            silo.AddDashboard();
        });
        builder.Services.AddAcousticGrainServices(builder.Configuration);
        builder.Services.AddHostedService<ScheduleRegistration>();
        builder.Services.AddHostedService<DefaultModelRegistration>();
        return builder;
    }
}
