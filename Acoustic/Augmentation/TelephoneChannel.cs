using AcousticDistill.Acoustic.Audio;
using NAudio.Codecs;

namespace AcousticDistill.Acoustic.Augmentation;

/// <summary>
/// What a narrow-band telephone call does to wide-band speech: resampled to 8 kHz, band-limited to the 300–3400 Hz
/// voice band (two high-pass and two low-pass sections, i.e. 4th order each side), and passed through G.711 μ-law
/// (8-bit companding). The 8 kHz family learns from this so it hears what callers' audio sounds like, not from 16 kHz
/// audio merely downsampled.
/// </summary>
public static class TelephoneChannel
{
    /// <summary>The rate of a narrow-band call.</summary>
    public const int SampleRate = 8_000;

    /// <summary>Lower edge of the voice band.</summary>
    public const double LowCutHz = 300;

    /// <summary>Upper edge of the voice band.</summary>
    public const double HighCutHz = 3_400;

    /// <summary><paramref name="samples"/> at <paramref name="sampleRate"/> as heard through the channel, at 8 kHz.</summary>
    public static float[] Apply(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var narrow = sampleRate == SampleRate ? (float[])samples.Clone() : SampleRateConverter.Convert(samples, sampleRate, SampleRate);
        foreach (var section in new[]
                 {
                     Biquad.HighPass(LowCutHz, SampleRate), Biquad.HighPass(LowCutHz, SampleRate),
                     Biquad.LowPass(HighCutHz, SampleRate), Biquad.LowPass(HighCutHz, SampleRate),
                 })
        {
            section.Apply(narrow);
        }
        for (var i = 0; i < narrow.Length; i++)
        {
            var linear = (short)Math.Clamp(MathF.Round(narrow[i] * 32768f), short.MinValue, short.MaxValue);
            narrow[i] = MuLawDecoder.MuLawToLinearSample(MuLawEncoder.LinearToMuLawSample(linear)) / 32768f;
        }
        return narrow;
    }
}
