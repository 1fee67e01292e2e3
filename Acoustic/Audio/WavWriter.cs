using NAudio.Wave;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>Writes mono float samples (nominally in [-1, 1]) as a 16-bit PCM WAV file.</summary>
public static class WavWriter
{
    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/>, clipping to the 16-bit range.</summary>
    public static void WritePcm16(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        using var writer = new WaveFileWriter(path, new WaveFormat(sampleRate, 16, 1));
        var buffer = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
            buffer[2 * i] = (byte)value;
            buffer[2 * i + 1] = (byte)(value >> 8);
        }
        writer.Write(buffer, 0, buffer.Length);
    }
}
