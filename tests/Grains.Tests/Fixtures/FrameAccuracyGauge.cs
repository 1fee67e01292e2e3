using System.Diagnostics.Metrics;
using AcousticDistill.Grains.Metrics;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>Reads the current values of the in-process <c>registry.frame_accuracy</c> gauges (every silo of the test run).</summary>
internal static class FrameAccuracyGauge
{
    public sealed record Reading(string Family, string Version, string Role, double Accuracy);

    public static IReadOnlyList<Reading> Read(string family)
    {
        var readings = new List<Reading>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AcousticMetrics.RegistryMeterName && instrument.Name == "registry.frame_accuracy")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var named = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value as string;
            }
            string? Tag(string key) => named.GetValueOrDefault(key);
            if (Tag("family") == family)
            {
                lock (readings)
                {
                    readings.Add(new Reading(family, Tag("version")!, Tag("role")!, value));
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return readings;
    }
}
