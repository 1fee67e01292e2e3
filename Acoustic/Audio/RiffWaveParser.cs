using System.Buffers.Binary;
using System.Text;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Walks the RIFF chunks of a WAV stream up to the start of the data chunk, validating as it goes, and
/// leaves the stream positioned at the first audio byte. Chunks other than fmt and data (LIST, fact, JUNK,
/// bext, ...) are skipped. The RIFF size field is ignored because streaming writers leave it wrong.
/// </summary>
internal static class RiffWaveParser
{
    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;

    // WAVEFORMATEXTENSIBLE is 40 bytes; anything far larger is damage, not a format we could decode.
    private const int MaxFmtChunkSize = 4096;

    // Streaming writers that cannot seek back leave one of these in the data size field.
    private const uint UnknownSizeZero = 0;
    private const uint UnknownSizeMax = 0xFFFFFFFF;

    /// <summary>Reads up to the data chunk and returns its format and payload length.</summary>
    public static WaveLayout ReadUntilData(Stream stream, WavDecodeOptions options)
    {
        ReadRiffHeader(stream);
        WaveFormatInfo? format = null;
        Span<byte> header = stackalloc byte[ChunkHeaderSize];
        while (true)
        {
            var got = stream.ReadAtLeast(header, ChunkHeaderSize, throwOnEndOfStream: false);
            if (got < ChunkHeaderSize)
            {
                var missing = format is null ? "fmt" : "data";
                var tail = got == 0 ? "" : $" (the file ends with a truncated {got}-byte chunk header)";
                throw new AudioFormatException($"missing {missing} chunk{tail}.");
            }
            var id = ChunkId(header[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (id == "fmt ")
            {
                format = ReadFormat(stream, size, options);
            }
            else if (id == "data")
            {
                if (format is null)
                {
                    throw new AudioFormatException("missing fmt chunk: the data chunk comes before any fmt chunk.");
                }
                return new WaveLayout(format, DataLength(stream, size, options));
            }
            else
            {
                Skip(stream, id, size + (size & 1));
            }
        }
    }

    private static void ReadRiffHeader(Stream stream)
    {
        Span<byte> riff = stackalloc byte[RiffHeaderSize];
        var got = stream.ReadAtLeast(riff, RiffHeaderSize, throwOnEndOfStream: false);
        if (got >= 4)
        {
            var magic = ChunkId(riff[..4]);
            if (magic == "RF64")
            {
                throw new AudioFormatException("RF64 (64-bit WAV) is not supported; only RIFF/WAVE.");
            }
            if (magic == "RIFX")
            {
                throw new AudioFormatException("big-endian RIFX WAV is not supported; only little-endian RIFF/WAVE.");
            }
            if (magic != "RIFF")
            {
                throw new AudioFormatException($"not a RIFF/WAVE file: it starts with '{magic}' instead of 'RIFF'.");
            }
        }
        if (got < RiffHeaderSize)
        {
            throw new AudioFormatException($"truncated header: {got} bytes, a RIFF/WAVE header needs {RiffHeaderSize}.");
        }
        var form = ChunkId(riff[8..]);
        if (form != "WAVE")
        {
            throw new AudioFormatException($"not a RIFF/WAVE file: RIFF form type is '{form}' instead of 'WAVE'.");
        }
    }

    private static WaveFormatInfo ReadFormat(Stream stream, uint size, WavDecodeOptions options)
    {
        if (size > MaxFmtChunkSize)
        {
            throw new AudioFormatException($"fmt chunk is absurdly large: {size} bytes (limit {MaxFmtChunkSize}).");
        }
        var padded = (int)(size + (size & 1));
        Span<byte> body = stackalloc byte[padded];
        var got = stream.ReadAtLeast(body, padded, throwOnEndOfStream: false);
        if (got < size)
        {
            throw new AudioFormatException($"truncated fmt chunk: {got} of {size} bytes present.");
        }
        return WaveFormatParser.Parse(body[..(int)size], options);
    }

    private static long? DataLength(Stream stream, uint size, WavDecodeOptions options)
    {
        if (size is UnknownSizeZero or UnknownSizeMax)
        {
            return null;
        }
        if (size > options.MaxDataBytes)
        {
            throw new AudioFormatException(
                $"data chunk is too large: {size} bytes declared, the limit is {options.MaxDataBytes}.");
        }
        if (stream.CanSeek)
        {
            var present = stream.Length - stream.Position;
            if (size > present)
            {
                if (!options.AllowTruncatedData)
                {
                    throw new AudioFormatException(
                        $"truncated data: the data chunk declares {size} bytes but only {present} are present.");
                }
                return present;
            }
        }
        return size;
    }

    private static void Skip(Stream stream, string id, long count)
    {
        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position < count)
            {
                throw new AudioFormatException(
                    $"truncated chunk '{id}': it declares {count} bytes but the file ends first (no data chunk found).");
            }
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var got = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (got == 0)
            {
                throw new AudioFormatException(
                    $"truncated chunk '{id}': the stream ends inside it (no data chunk found).");
            }
            count -= got;
        }
    }

    /// <summary>A chunk id as text when printable ASCII, else as hex, so error messages stay readable.</summary>
    private static string ChunkId(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return "0x" + Convert.ToHexString(id);
            }
        }
        return Encoding.ASCII.GetString(id);
    }
}
