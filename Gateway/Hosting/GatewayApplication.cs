using AcousticDistill.Gateway.Rest;
using AcousticDistill.Gateway.Security;
using AcousticDistill.Gateway.Streaming;
using AcousticDistill.Grains.Transcription;
using AcousticDistill.Silo.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Configuration;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// Builds the Gateway: the Vosk-compatible WebSocket, the REST API, the demo page, health and metrics, in front of
/// either a co-hosted silo (the embedded single-process default) or a cluster reached as an Orleans client.
/// </summary>
public static class GatewayApplication
{
    /// <summary>The configured application; <paramref name="configure"/> lets tests adjust the builder.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and the demo page live beside the program, so it behaves the same from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        options.Limits.Validate();
        switch (options.Cluster.ToLowerInvariant())
        {
            case "embedded":
                builder.AddAcousticSilo();
                builder.AddObservability(GatewayMetrics.MeterName);
                break;
            case "localhost":
            case "redis":
                AddClient(builder, options);
                break;
            default:
                throw new InvalidOperationException($"Gateway:Cluster '{options.Cluster}' is unknown; use embedded (default), localhost or redis.");
        }
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.Configure<TranscriptionOptions>(builder.Configuration.GetSection(TranscriptionOptions.Section));
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<StreamAdmission>();
        builder.Services.AddSingleton<VoskStreamHandler>();
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapObservabilityEndpoints();
        app.Map("/v1/stream", (HttpContext context, VoskStreamHandler handler) => handler.HandleAsync(context)).RequireStreamKey();
        app.MapRecognize();
        app.MapModels();
        return app;
    }

    // An Orleans client of a cluster (silos on this machine, or found through Redis membership); the silos host the
    // grains, this process only forwards.
    private static void AddClient(WebApplicationBuilder builder, GatewayOptions options)
    {
        var silo = builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new SiloHostOptions();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = silo.ClusterId;
                cluster.ServiceId = silo.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.GrainCallTimeout);
            if (options.Cluster.Equals("redis", StringComparison.OrdinalIgnoreCase))
            {
                client.UseRedisClustering(RedisOptions.Required(builder.Configuration, "Gateway:Cluster=redis"));
            }
            else
            {
                client.UseLocalhostClustering(options.SiloGatewayPort);
            }
        });
        builder.Services.AddMetrics();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(GatewayMetrics.MeterName, "Microsoft.Orleans", ObservabilityExtensions.RuntimeMeter).AddPrometheusExporter());
        builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), ["live"]);
    }
}
