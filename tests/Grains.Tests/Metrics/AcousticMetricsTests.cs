using System.Diagnostics.Metrics;
using AcousticDistill.Grains.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AcousticDistill.Grains.Tests.Metrics;

public sealed class AcousticMetricsTests
{
    [Fact]
    public void Instruments_AfterRecording_ReportNamedValuesWithTags()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new AcousticMetrics(services.GetRequiredService<IMeterFactory>());
        var seen = new List<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith("AcousticDistill.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, ToDictionary(tags))));
        listener.Start();

        metrics.SetFrameAccuracy("en-16k", "abc", "student", 0.61);
        metrics.SetServing("en-16k", "abc");
        metrics.JobFinished("en-16k", "promoted");
        metrics.StageCompleted("en-16k", "TrainStudent", 2.5);
        metrics.Trained("en-16k", "student", 90000);
        listener.RecordObservableInstruments();

        Assert.Contains(seen, m => m.Name == "registry.frame_accuracy" && m.Value == 0.61 && (string?)m.Tags["role"] == "student");
        Assert.Contains(seen, m => m.Name == "registry.serving" && m.Value == 1 && (string?)m.Tags["version"] == "abc");
        Assert.Contains(seen, m => m.Name == "distillation.jobs" && (string?)m.Tags["outcome"] == "promoted");
        Assert.Contains(seen, m => m.Name == "distillation.stage.duration" && m.Value == 2.5 && (string?)m.Tags["stage"] == "TrainStudent");
        Assert.Contains(seen, m => m.Name == "training.throughput" && m.Value == 90000);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }
        return result;
    }
}
