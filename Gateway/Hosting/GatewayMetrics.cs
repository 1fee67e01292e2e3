using System.Diagnostics.Metrics;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>Instruments of the Gateway (meter <c>AcousticDistill.Gateway</c>); names in docs/metrics.md.</summary>
public sealed class GatewayMetrics
{
    /// <summary>Meter of the Gateway.</summary>
    public const string MeterName = "AcousticDistill.Gateway";

    private static readonly double[] s_latencySeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly UpDownCounter<long> _streams;
    private readonly Histogram<double> _partialLatency;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _streamsTotal;

    /// <summary>Creates the meter through the host's factory.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _streams = meter.CreateUpDownCounter<long>("gateway.streams.active", unit: "{stream}", description: "Streams open now (WebSocket and REST).");
        _streamsTotal = meter.CreateCounter<long>("gateway.streams", unit: "{stream}", description: "Streams opened, by protocol.");
        _partialLatency = meter.CreateHistogram<double>("gateway.partial.latency", unit: "s",
            description: "From an audio chunk's arrival to its reply (partial or final) being sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_latencySeconds });
        _errors = meter.CreateCounter<long>("gateway.errors", unit: "{error}", description: "Streams and requests ended by an error, by reason.");
    }

    /// <summary>A stream opened.</summary>
    public void StreamOpened(string protocol)
    {
        _streams.Add(1);
        _streamsTotal.Add(1, new KeyValuePair<string, object?>("protocol", protocol));
    }

    /// <summary>A stream closed.</summary>
    public void StreamClosed() => _streams.Add(-1);

    /// <summary>A reply went out <paramref name="seconds"/> after its chunk arrived.</summary>
    public void Replied(double seconds) => _partialLatency.Record(seconds);

    /// <summary>A stream or request ended by an error.</summary>
    public void Error(string reason) => _errors.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
