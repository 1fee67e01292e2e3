namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Unlabelled audio for a transfer set: every <c>*.wav</c> under a folder, decoded to the features' rate
/// and turned into filterbank frames. Files that fail to decode are skipped and reported, not fatal.
/// </summary>
public static class AudioFolderLoader
{
    /// <summary>Features of every WAV under <paramref name="directory"/>; <paramref name="skipped"/> lists files that could not be read.</summary>
    public static SplitFeatures Load(string directory, FbankOptions options, int threads, out IReadOnlyList<string> skipped,
        CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Transfer audio folder '{directory}' does not exist.");
        }
        var files = Directory.EnumerateFiles(directory, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidDataException($"Transfer audio folder '{directory}' has no .wav files.");
        }
        var rate = (int)options.SampleFrequency;
        var features = new float[files.Length][];
        var samples = new long[files.Length];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var extractors = new ThreadLocal<FilterbankExtractor>(() => new FilterbankExtractor(options));
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var audio = WavDecoder.DecodeFile(files[i], rate);
                samples[i] = audio.Length;
                features[i] = extractors.Value!.Compute(audio).Data;
            }
            catch (AudioFormatException ex)
            {
                failures.Add($"{files[i]}: {ex.Message}");
                features[i] = [];
            }
        });
        skipped = failures.Order(StringComparer.Ordinal).ToArray();
        var kept = Enumerable.Range(0, files.Length).Where(i => features[i].Length > 0).ToArray();
        return new SplitFeatures(
            kept.Select(i => Path.GetRelativePath(directory, files[i])).ToArray(),
            kept.Select(i => features[i]).ToArray(),
            Labels: null,
            options.FeatureDim,
            samples.Sum() / (double)rate);
    }
}
