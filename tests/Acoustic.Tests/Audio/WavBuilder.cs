using System.Buffers.Binary;
using System.Text;

namespace AcousticDistill.Acoustic.Tests.Audio;

/// <summary>
/// Writes WAV files byte by byte so tests control every header field, including wrong ones.
/// </summary>
internal sealed class WavBuilder
{
    public const ushort TagPcm = 1;
    public const ushort TagFloat = 3;
    public const ushort TagALaw = 6;
    public const ushort TagMuLaw = 7;
    public const ushort TagExtensible = 0xFFFE;

    public ushort FormatTag { get; set; } = TagPcm;
    public ushort? SubFormatTag { get; set; }
    public int Channels { get; set; } = 1;
    public uint SampleRate { get; set; } = 16_000;
    public int BitsPerSample { get; set; } = 16;
    public int? BlockAlign { get; set; }
    public byte[] Data { get; set; } = [];
    public uint? DataSizeField { get; set; }
    public bool WriteFmt { get; set; } = true;
    public bool WriteData { get; set; } = true;
    public bool DataBeforeFmt { get; set; }
    public List<(string Id, byte[] Body)> ExtraChunks { get; } = [];

    public static WavBuilder Pcm16(int sampleRate, int channels, ReadOnlySpan<float> interleaved) => new()
    {
        SampleRate = (uint)sampleRate,
        Channels = channels,
        BitsPerSample = 16,
        Data = SampleEncoder.Encode(interleaved, SampleKind.Pcm16),
    };

    public byte[] Build()
    {
        using var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, chunk) in ExtraChunks)
        {
            WriteChunk(body, id, chunk, null);
        }
        if (DataBeforeFmt && WriteData)
        {
            WriteChunk(body, "data", Data, DataSizeField);
        }
        if (WriteFmt)
        {
            WriteChunk(body, "fmt ", FmtBody(), null);
        }
        if (!DataBeforeFmt && WriteData)
        {
            WriteChunk(body, "data", Data, DataSizeField);
        }
        var riff = new byte[8 + body.Length];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)body.Length);
        body.ToArray().CopyTo(riff, 8);
        return riff;
    }

    private byte[] FmtBody()
    {
        var extensible = FormatTag == TagExtensible;
        var fmt = new byte[extensible ? 40 : 16];
        var blockAlign = BlockAlign ?? Channels * ((BitsPerSample + 7) / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, FormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(SampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)BitsPerSample);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)BitsPerSample);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), 0); // channel mask: unspecified
            var guid = new Guid($"{SubFormatTag ?? TagPcm:x8}-0000-0010-8000-00aa00389b71");
            guid.TryWriteBytes(fmt.AsSpan(24));
        }
        return fmt;
    }

    private static void WriteChunk(Stream stream, string id, byte[] body, uint? sizeField)
    {
        Span<byte> header = stackalloc byte[8];
        Encoding.ASCII.GetBytes(id, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], sizeField ?? (uint)body.Length);
        stream.Write(header);
        stream.Write(body);
        if (body.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }
}
