using AcousticDistill.Grains.Metrics;
using AcousticDistill.Grains.Transcription;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace AcousticDistill.Silo.Hosting;

/// <summary>Metrics (OpenTelemetry, scraped by Prometheus at <c>/metrics</c>) and health endpoints <c>/health</c> and <c>/alive</c>.</summary>
public static class ObservabilityExtensions
{
    private const string LiveTag = "live";

    /// <summary>.NET's own meter (GC heap sizes, collections, CPU time, working set, thread pool): dotnet_* series.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>Adds the meters <c>AcousticDistill.*</c>, <c>Microsoft.Orleans</c> and <paramref name="moreMeters"/>, a Prometheus exporter and health checks.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, params string[] moreMeters)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([AcousticMetrics.RegistryMeterName, AcousticMetrics.DistillationMeterName, TranscriptionMetrics.MeterName, "Microsoft.Orleans", RuntimeMeter, .. moreMeters])
            .AddPrometheusExporter());
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<ModelStoreHealthCheck>("model-store");
        return builder;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/health</c> (every check) and <c>/alive</c> (liveness only).</summary>
    public static WebApplication MapObservabilityEndpoints(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
