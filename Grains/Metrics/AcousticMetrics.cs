using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AcousticDistill.Grains.Metrics;

/// <summary>
/// The learning flow's instruments, created once per host. Registry figures are gauges read from the last values
/// the registry grains reported; job figures are counters and histograms. Names and units: docs/metrics.md.
/// </summary>
public sealed class AcousticMetrics
{
    /// <summary>Meter of the model registry.</summary>
    public const string RegistryMeterName = "AcousticDistill.Registry";

    /// <summary>Meter of distillation jobs and training.</summary>
    public const string DistillationMeterName = "AcousticDistill.Distillation";

    // Stages take from a fraction of a second (tiny corpora) to hours; the SDK's default buckets are for milliseconds.
    private static readonly double[] s_stageSeconds = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200];
    private static readonly double[] s_framesPerSecond = [1e3, 3e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6];

    private readonly ConcurrentDictionary<(string Family, string Version, string Role), double> _accuracy = new();
    private readonly ConcurrentDictionary<string, string> _serving = new();
    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _trainingThroughput;

    /// <summary>Creates the meters through the host's factory.</summary>
    public AcousticMetrics(IMeterFactory meterFactory)
    {
        var registry = meterFactory.Create(RegistryMeterName);
        registry.CreateObservableGauge("registry.frame_accuracy", ObserveAccuracy, unit: "1",
            description: "Dev-split frame accuracy of each registered model version (0-1).");
        registry.CreateObservableGauge("registry.serving", ObserveServing, unit: "{version}",
            description: "1 for the version each family serves (the version is a tag).");

        var distillation = meterFactory.Create(DistillationMeterName);
        _jobs = distillation.CreateCounter<long>("distillation.jobs", unit: "{job}",
            description: "Finished distillation jobs by outcome (promoted, rejected, failed, cancelled).");
        _stageDuration = distillation.CreateHistogram<double>("distillation.stage.duration", unit: "s",
            description: "Wall time of each completed stage of a distillation job.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_stageSeconds });
        _trainingThroughput = distillation.CreateHistogram<double>("training.throughput", unit: "{frame}/s",
            description: "Training frames per second of each trained model.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_framesPerSecond });
    }

    /// <summary>Records a version's dev frame accuracy (role: teacher, specialist, ensemble, student, baseline).</summary>
    public void SetFrameAccuracy(string family, string version, string role, double accuracy) =>
        _accuracy[(family, version, role)] = accuracy;

    /// <summary>Records which version a family serves.</summary>
    public void SetServing(string family, string version) => _serving[family] = version;

    /// <summary>Counts a finished job.</summary>
    public void JobFinished(string family, string outcome) =>
        _jobs.Add(1, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Records the wall time of a completed stage.</summary>
    public void StageCompleted(string family, string stage, double seconds) =>
        _stageDuration.Record(seconds, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Records the training speed of a model.</summary>
    public void Trained(string family, string role, double framesPerSecond) =>
        _trainingThroughput.Record(framesPerSecond, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("role", role));

    private IEnumerable<Measurement<double>> ObserveAccuracy() =>
        _accuracy.Select(entry => new Measurement<double>(entry.Value,
            new KeyValuePair<string, object?>("family", entry.Key.Family),
            new KeyValuePair<string, object?>("version", entry.Key.Version),
            new KeyValuePair<string, object?>("role", entry.Key.Role)));

    private IEnumerable<Measurement<long>> ObserveServing() =>
        _serving.Select(entry => new Measurement<long>(1,
            new KeyValuePair<string, object?>("family", entry.Key),
            new KeyValuePair<string, object?>("version", entry.Value)));
}
