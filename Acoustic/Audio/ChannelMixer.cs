namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Averages interleaved channels to mono. Averaging (rather than summing) keeps the result in [-1, 1]
/// for any channel count, at the price of a quieter signal when only one channel carries speech.
/// </summary>
internal static class ChannelMixer
{
    /// <summary>Writes one mono sample per frame of <paramref name="interleaved"/> into <paramref name="mono"/>.</summary>
    /// <returns>The number of frames mixed.</returns>
    public static int AverageToMono(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        var frames = interleaved.Length / channels;
        if (channels == 1)
        {
            interleaved[..frames].CopyTo(mono);
            return frames;
        }
        var scale = 1f / channels;
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0f;
            var start = frame * channels;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += interleaved[start + channel];
            }
            mono[frame] = Math.Clamp(sum * scale, -1f, 1f);
        }
        return frames;
    }
}
