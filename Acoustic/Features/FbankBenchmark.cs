using System.Diagnostics;

namespace AcousticDistill.Acoustic.Features;

/// <summary>Result of <see cref="FbankBenchmark.Measure"/>.</summary>
/// <param name="AudioSeconds">Length of the audio that was processed.</param>
/// <param name="BestSeconds">Fastest wall-clock time of one whole-utterance extraction.</param>
/// <param name="Frames">Frames produced per run.</param>
/// <param name="Repeats">Timed runs (after one untimed warm-up run).</param>
public sealed record FbankBenchmarkResult(double AudioSeconds, double BestSeconds, int Frames, int Repeats)
{
    /// <summary>Speed as a multiple of real time (audio seconds per wall second).</summary>
    public double TimesRealTime => AudioSeconds / BestSeconds;
}

/// <summary>
/// Times <see cref="FilterbankExtractor"/> on one thread, best of several runs, so it can be compared
/// with torchaudio's <c>kaldi.fbank</c> on the same audio (bench/fbank/run.sh). Best-of-N because the
/// machines this runs on are shared and noisy; the minimum is the least disturbed run.
/// </summary>
public static class FbankBenchmark
{
    /// <summary>Extracts features from <paramref name="samples"/> <paramref name="repeats"/> times and keeps the best time.</summary>
    public static FbankBenchmarkResult Measure(float[] samples, FbankOptions options, int repeats)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (repeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "At least one timed repeat is needed.");
        }
        var extractor = new FilterbankExtractor(options);
        var frames = options.FrameCount(samples.Length);
        var destination = new float[frames * extractor.Dim];
        // Warm-up: JIT and tiered compilation, so the timed runs measure steady-state code.
        for (var i = 0; i < 3; i++)
        {
            extractor.Compute(samples, destination);
        }

        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            extractor.Compute(samples, destination);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return new FbankBenchmarkResult(samples.Length / options.SampleFrequency, best, frames, repeats);
    }
}
