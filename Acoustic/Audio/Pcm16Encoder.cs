using System.Buffers.Binary;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>Writes samples as 16-bit signed little-endian PCM, the wire format of live streams (Vosk protocol).</summary>
public static class Pcm16Encoder
{
    /// <summary>Floats in [−1, 1] as PCM16 bytes (rounded, clipped to the 16-bit range).</summary>
    public static byte[] Encode(ReadOnlySpan<float> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var value = Math.Clamp(Math.Round(samples[i] * 32767.0), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), (short)value);
        }
        return bytes;
    }
}
