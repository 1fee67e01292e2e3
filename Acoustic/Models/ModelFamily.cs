namespace AcousticDistill.Acoustic.Models;

/// <summary>Model families by sample rate: wide-band 16 kHz and telephone 8 kHz.</summary>
public static class ModelFamily
{
    /// <summary>The default family name for a sample rate (<c>en-16k</c>, <c>en-8k</c>, else <c>en-{rate}</c>).</summary>
    public static string ForSampleRate(int sampleRate) => sampleRate % 1000 == 0 ? $"en-{sampleRate / 1000}k" : $"en-{sampleRate}";
}
