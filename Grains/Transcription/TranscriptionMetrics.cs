using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AcousticDistill.Grains.Transcription;

/// <summary>Instruments of the live flow inside the silo (meter <c>AcousticDistill.Transcription</c>); names in docs/metrics.md.</summary>
public sealed class TranscriptionMetrics
{
    /// <summary>Meter of transcription sessions.</summary>
    public const string MeterName = "AcousticDistill.Transcription";

    private static readonly double[] s_chunkSeconds = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1];
    private static readonly double[] s_realTimeFactor = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    private readonly UpDownCounter<long> _sessions;
    private readonly Histogram<double> _chunkDuration;
    private readonly Histogram<double> _realTimeFactor;
    private readonly Counter<double> _audioSeconds;
    private readonly Counter<long> _results;
    private readonly Counter<long> _swaps;
    private readonly Counter<long> _agreementFrames;
    private readonly ConcurrentDictionary<(string Family, string Version), (long Agree, long Total)> _agreement = new();
    private readonly Histogram<double> _graphBuildDuration;
    private long _graphCacheBytes;
    private long _graphCacheEntries;

    /// <summary>Creates the meter through the host's factory.</summary>
    public TranscriptionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sessions = meter.CreateUpDownCounter<long>("transcription.sessions.active", unit: "{session}",
            description: "Transcription session grains active on this silo.");
        _chunkDuration = meter.CreateHistogram<double>("transcription.chunk.duration", unit: "s",
            description: "Time to decode one audio chunk (features, model, search) inside the session grain.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_chunkSeconds });
        _realTimeFactor = meter.CreateHistogram<double>("transcription.real_time_factor", unit: "1",
            description: "Processing time over audio time of each finished stream (features + model + decoder).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_realTimeFactor });
        _audioSeconds = meter.CreateCounter<double>("transcription.audio", unit: "s", description: "Audio decoded, by family.");
        _results = meter.CreateCounter<long>("transcription.results", unit: "{result}", description: "Final results sent, by family and model version.");
        _swaps = meter.CreateCounter<long>("transcription.model_swaps", unit: "{swap}",
            description: "Open sessions switched to a newly serving model version.");
        meter.CreateObservableGauge("transcription.ensemble_agreement", ObserveAgreement, unit: "1",
            description: "Share of sampled live frames where the serving model's best class equals its teaching ensemble's (0-1).");
        _graphBuildDuration = meter.CreateHistogram<double>("transcription.graph_build.duration", unit: "s",
            description: "Time to compile a phrase list into a decoding graph (off the session's turn), finished builds only.");
        meter.CreateObservableGauge("transcription.graph_cache.size", () => Interlocked.Read(ref _graphCacheBytes), unit: "By",
            description: "Estimated bytes of the phrase-list decoding graphs cached on this silo (Transcription:GraphCacheBytes bounds it).");
        meter.CreateObservableGauge("transcription.graph_cache.entries", () => Interlocked.Read(ref _graphCacheEntries), unit: "{graph}",
            description: "Phrase-list decoding graphs cached on this silo.");
        _agreementFrames = meter.CreateCounter<long>("transcription.ensemble_agreement.frames", unit: "{frame}",
            description: "Live frames compared with the teaching ensemble.");
    }

    /// <summary>A session grain activated.</summary>
    public void SessionActivated() => _sessions.Add(1);

    /// <summary>A session grain deactivated.</summary>
    public void SessionDeactivated() => _sessions.Add(-1);

    /// <summary>One chunk decoded.</summary>
    public void ChunkDecoded(string family, double seconds, double audioSeconds)
    {
        var tag = new KeyValuePair<string, object?>("family", family);
        _chunkDuration.Record(seconds, tag);
        _audioSeconds.Add(audioSeconds, tag);
    }

    /// <summary>A stream ended after <paramref name="processingSeconds"/> of work on <paramref name="audioSeconds"/> of audio.</summary>
    public void StreamFinished(string family, double processingSeconds, double audioSeconds)
    {
        if (audioSeconds > 0)
        {
            _realTimeFactor.Record(processingSeconds / audioSeconds, new KeyValuePair<string, object?>("family", family));
        }
    }

    /// <summary>A final result was produced.</summary>
    public void Result(string family, string version) =>
        _results.Add(1, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("version", version));

    /// <summary><paramref name="agree"/> of <paramref name="frames"/> sampled live frames matched the ensemble's class.</summary>
    public void Agreement(string family, string version, int agree, int frames)
    {
        _agreement.AddOrUpdate((family, version), (agree, frames), (_, sum) => (sum.Agree + agree, sum.Total + frames));
        _agreementFrames.Add(frames, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("version", version));
    }

    /// <summary>A phrase-list graph was compiled in <paramref name="seconds"/>.</summary>
    public void GraphBuilt(double seconds) => _graphBuildDuration.Record(seconds);

    /// <summary>The phrase-list graph cache now holds <paramref name="entries"/> graphs of <paramref name="bytes"/> in all.</summary>
    public void GraphCacheChanged(long bytes, int entries)
    {
        Interlocked.Exchange(ref _graphCacheBytes, bytes);
        Interlocked.Exchange(ref _graphCacheEntries, entries);
    }

    /// <summary>A session switched model.</summary>
    public void Swapped(string family) => _swaps.Add(1, new KeyValuePair<string, object?>("family", family));

    private IEnumerable<Measurement<double>> ObserveAgreement() =>
        _agreement.Where(entry => entry.Value.Total > 0).Select(entry => new Measurement<double>(
            entry.Value.Agree / (double)entry.Value.Total,
            new KeyValuePair<string, object?>("family", entry.Key.Family),
            new KeyValuePair<string, object?>("version", entry.Key.Version)));
}
