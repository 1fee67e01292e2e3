using System.Buffers.Binary;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// The audio length of a WAV file from its header alone (the <c>fmt </c> chunk's rate and block size, the <c>data</c>
/// chunk's size), so <c>POST /v1/recognize</c> can refuse over-long audio before the silo decodes any of it. The
/// Gateway has no audio code: anything it cannot read here is left to the silo's decoder to accept or refuse.
/// </summary>
public static class WavDuration
{
    /// <summary>Seconds of audio in <paramref name="wav"/>; null when the header is not a RIFF/WAVE one this reads.</summary>
    public static double? Seconds(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            return null;
        }
        long bytesPerSecond = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(position + 4, 4));
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= wav.Length)
            {
                var rate = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(body + 4, 4));
                var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 12, 2));
                bytesPerSecond = (long)rate * blockAlign;
            }
            else if (id.SequenceEqual("data"u8))
            {
                // A streamed WAV may leave the size at 0 or 0xFFFFFFFF: the rest of the body is the data then.
                var available = wav.Length - body;
                var data = size == 0 || size > available ? available : size;
                return bytesPerSecond > 0 ? (double)data / bytesPerSecond : null;
            }
            // Chunks are padded to an even length.
            position = (int)Math.Min(int.MaxValue, body + size + (size & 1));
        }
        return null;
    }
}
