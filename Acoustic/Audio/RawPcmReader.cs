using System.Buffers.Binary;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>Reads headerless 16-bit PCM files into samples in [-1, 1).</summary>
public static class RawPcmReader
{
    /// <summary>The file's samples at its own rate; a clear error for an empty file or an odd byte count (truncated).</summary>
    public static float[] ReadFile(string path, RawPcmFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.SampleRate <= 0)
        {
            throw new ArgumentException($"The sample rate of raw audio must be positive, got {format.SampleRate}.");
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new AudioFormatException($"'{path}' is empty: no 16-bit samples.");
        }
        if (bytes.Length % 2 != 0)
        {
            throw new AudioFormatException($"'{path}' has {bytes.Length} bytes, an odd count: not whole 16-bit samples (truncated file?).");
        }
        return Decode(bytes, format.BigEndian);
    }

    /// <summary>Converts 16-bit samples in the given byte order.</summary>
    public static float[] Decode(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var samples = new float[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var pair = bytes.Slice(2 * i, 2);
            var value = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(pair) : BinaryPrimitives.ReadInt16LittleEndian(pair);
            samples[i] = value / 32768f;
        }
        return samples;
    }
}
