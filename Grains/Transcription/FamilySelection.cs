namespace AcousticDistill.Grains.Transcription;

/// <summary>Which model family a stream goes to, and the errors users see when none fits.</summary>
public static class FamilySelection
{
    /// <summary>Lowest and highest stream sample rates accepted.</summary>
    public const int MinSampleRate = 8000, MaxSampleRate = 96000;

    /// <summary>
    /// The requested family (which must exist and must not need the audio upsampled), or the family of the stream's own
    /// rate, else the highest-rate family below it; <see cref="ArgumentException"/> naming the problem otherwise.
    /// </summary>
    public static string Choose(IReadOnlyDictionary<string, int> families, int streamRate, string? requested)
    {
        if (streamRate < MinSampleRate || streamRate > MaxSampleRate)
        {
            throw new ArgumentException($"sample_rate {streamRate} is not supported; send 16-bit PCM at {MinSampleRate}–{MaxSampleRate} Hz.");
        }
        if (!string.IsNullOrEmpty(requested))
        {
            if (!families.TryGetValue(requested, out var rate))
            {
                throw new ArgumentException($"model '{requested}' is unknown; available: {string.Join(", ", families.Keys.Order())}.");
            }
            if (streamRate < rate)
            {
                throw new ArgumentException(
                    $"sample_rate {streamRate} is below model '{requested}''s {rate} Hz; send audio at {rate} Hz or more, or use a family for {streamRate} Hz audio.");
            }
            return requested;
        }
        var fitting = families.Where(f => f.Value <= streamRate).OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        return fitting.Count > 0
            ? fitting[0].Key
            : throw new ArgumentException($"sample_rate {streamRate} is below every model family's rate ({string.Join(", ", families.Select(f => $"{f.Key}: {f.Value} Hz"))}).");
    }
}
