using System.Buffers.Binary;
using NAudio.Codecs;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Converts raw little-endian WAV samples to floats in [-1, 1], one float per sample, keeping the
/// channel interleaving. Integer PCM is scaled by its container's full scale (so 20 valid bits in a
/// 24-bit container scale like 24-bit); float samples are clamped and NaN becomes silence, because
/// downstream features assume the nominal range.
/// </summary>
internal static class SampleConverter
{
    /// <summary>Converts <paramref name="raw"/> (whole samples only) into <paramref name="output"/>.</summary>
    /// <returns>The number of floats written: raw length / bytes per sample.</returns>
    public static int ToFloat(ReadOnlySpan<byte> raw, SampleEncoding encoding, int bytesPerSample, Span<float> output)
    {
        var count = raw.Length / bytesPerSample;
        var samples = output[..count];
        switch (encoding)
        {
            case SampleEncoding.Pcm:
                ConvertPcm(raw, bytesPerSample, samples);
                break;
            case SampleEncoding.IeeeFloat when bytesPerSample == 4:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = Sanitize(BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]));
                }
                break;
            case SampleEncoding.IeeeFloat:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = Sanitize((float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(8 * i)..]));
                }
                break;
            case SampleEncoding.MuLaw:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = MuLawDecoder.MuLawToLinearSample(raw[i]) / 32768f;
                }
                break;
            case SampleEncoding.ALaw:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = ALawDecoder.ALawToLinearSample(raw[i]) / 32768f;
                }
                break;
        }
        return count;
    }

    /// <summary>Converts 16-bit signed little-endian PCM to floats.</summary>
    public static void FromPcm16(ReadOnlySpan<byte> raw, Span<float> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = BinaryPrimitives.ReadInt16LittleEndian(raw[(2 * i)..]) / 32768f;
        }
    }

    /// <summary>
    /// Copies float samples into <paramref name="output"/> by the rule for IEEE float WAV data: clamped to [-1, 1],
    /// NaN as silence.
    /// </summary>
    public static void FromFloat(ReadOnlySpan<float> samples, Span<float> output)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            output[i] = Sanitize(samples[i]);
        }
    }

    private static void ConvertPcm(ReadOnlySpan<byte> raw, int bytesPerSample, Span<float> samples)
    {
        switch (bytesPerSample)
        {
            case 1:
                // 8-bit WAV is unsigned with silence at 128.
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (raw[i] - 128) / 128f;
                }
                break;
            case 2:
                FromPcm16(raw, samples);
                break;
            case 3:
                for (var i = 0; i < samples.Length; i++)
                {
                    // Assemble in the top three bytes so the arithmetic shift sign-extends.
                    var value = (raw[3 * i] << 8) | (raw[3 * i + 1] << 16) | (raw[3 * i + 2] << 24);
                    samples[i] = (value >> 8) / 8388608f;
                }
                break;
            default:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(raw[(4 * i)..]) / 2147483648.0);
                }
                break;
        }
    }

    private static float Sanitize(float value) => float.IsNaN(value) ? 0f : Math.Clamp(value, -1f, 1f);
}
