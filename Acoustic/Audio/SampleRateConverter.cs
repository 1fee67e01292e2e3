namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Changes the rate of in-memory mono samples with NAudio's managed WDL resampler (<see cref="ResamplerOptions.Default"/>,
/// sinc mode), straight from the floats: the result equals <see cref="WavDecoder"/>'s on a float WAV of the same
/// samples (input clamped to [-1, 1] with NaN as silence, the same blocks fed to the resampler, output in [-1, 1]).
/// </summary>
internal static class SampleRateConverter
{
    // The samples WavDecoder hands the resampler per step (its 64 KiB block of mono float32).
    private const int BlockSamples = 16_384;

    /// <summary>
    /// <paramref name="samples"/> at <paramref name="fromRate"/> converted to <paramref name="toRate"/>; the same
    /// array when the rates are equal.
    /// </summary>
    public static float[] Convert(float[] samples, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return samples;
        }
        var resampler = new StreamingResampler(fromRate, toRate, ResamplerOptions.Default);
        var output = new List<float>((int)Math.Min(samples.Length * (double)toRate / fromRate + 16, Array.MaxLength));
        var block = new float[Math.Min(BlockSamples, samples.Length)];
        for (var start = 0; start < samples.Length; start += BlockSamples)
        {
            var count = Math.Min(BlockSamples, samples.Length - start);
            SampleConverter.FromFloat(samples.AsSpan(start, count), block);
            resampler.Process(block.AsSpan(0, count), output);
        }
        resampler.Flush(output);
        return output.ToArray();
    }
}
