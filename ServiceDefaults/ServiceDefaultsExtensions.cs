using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace AcousticDistill.ServiceDefaults;

/// <summary>
/// What every host of the service has in common (the Silo, the Gateway and the embedded composition of both):
/// OpenTelemetry metrics scraped by Prometheus at <c>/metrics</c>, .NET's runtime meter, and the health endpoints
/// <c>/health</c> (every check) and <c>/alive</c> (liveness only). A host adds its own meters and checks on top.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>.NET's own meter (GC heap sizes, collections, CPU time, working set, thread pool): dotnet_* series.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>Tag of the checks that <c>/alive</c> runs: the process answers, whatever its dependencies do.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// Adds metrics from <paramref name="meters"/> and <see cref="RuntimeMeter"/> with a Prometheus exporter, and a
    /// liveness check. More meters can be added later with <c>ConfigureOpenTelemetryMeterProvider</c>, more checks
    /// with <c>AddHealthChecks</c>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, params string[] meters)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([RuntimeMeter, .. meters])
            .AddPrometheusExporter());
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/health</c> (every check) and <c>/alive</c> (liveness checks only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
