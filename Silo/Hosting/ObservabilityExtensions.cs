using AcousticDistill.Grains.Metrics;
using AcousticDistill.Grains.Transcription;
using OpenTelemetry.Metrics;

namespace AcousticDistill.Silo.Hosting;

/// <summary>What the silo adds to the service defaults: the grains' meters and the model store's health check.</summary>
public static class ObservabilityExtensions
{
    /// <summary>Orleans' own meter (messaging, activations, membership): orleans_* series.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Adds the meters <c>AcousticDistill.Registry</c>, <c>.Distillation</c>, <c>.Transcription</c> and the model-store check.</summary>
    public static WebApplicationBuilder AddSiloObservability(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(AcousticMetrics.RegistryMeterName, AcousticMetrics.DistillationMeterName, TranscriptionMetrics.MeterName));
        builder.Services.AddHealthChecks().AddCheck<ModelStoreHealthCheck>("model-store");
        return builder;
    }
}
