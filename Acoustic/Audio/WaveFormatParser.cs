using System.Buffers.Binary;
using NAudio.Wave;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Reads and validates the body of a fmt chunk (WAVEFORMAT, WAVEFORMATEX or WAVEFORMATEXTENSIBLE).
/// The average-bytes-per-second field is ignored: many writers get it wrong and nothing depends on it.
/// </summary>
internal static class WaveFormatParser
{
    public const int MinimumSize = 16;

    private const ushort TagPcm = 0x0001;
    private const ushort TagIeeeFloat = 0x0003;
    private const ushort TagALaw = 0x0006;
    private const ushort TagMuLaw = 0x0007;
    private const ushort TagExtensible = 0xFFFE;
    private const int ExtensibleSize = 40;

    // KSDATAFORMAT_SUBTYPE_* GUIDs share everything but their first two bytes, which carry the old tag.
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WaveFormatInfo Parse(ReadOnlySpan<byte> fmt, WavDecodeOptions options)
    {
        if (fmt.Length < MinimumSize)
        {
            throw new AudioFormatException($"fmt chunk is too short: {fmt.Length} bytes, need at least {MinimumSize}.");
        }
        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        var effectiveTag = formatTag == TagExtensible ? ReadExtensibleSubFormat(fmt) : formatTag;
        var encoding = EncodingOf(effectiveTag, formatTag);

        ValidateChannels(channels, options);
        ValidateSampleRate(sampleRate, options);
        ValidateBits(encoding, bitsPerSample);

        var containerBytes = (bitsPerSample + 7) / 8;
        if (blockAlign != channels * containerBytes)
        {
            throw new AudioFormatException(
                $"fmt block align mismatch: {blockAlign} bytes per frame declared, but {channels} channel(s) of " +
                $"{bitsPerSample}-bit samples need {channels * containerBytes}.");
        }
        return new WaveFormatInfo(effectiveTag, encoding, channels, (int)sampleRate, bitsPerSample, blockAlign);
    }

    /// <summary>A readable name for a format tag, for error messages: "0x0055 (MpegLayer3)".</summary>
    public static string DescribeTag(ushort tag)
    {
        var encoding = (WaveFormatEncoding)tag;
        return Enum.IsDefined(encoding) ? $"0x{tag:X4} ({encoding})" : $"0x{tag:X4}";
    }

    private static ushort ReadExtensibleSubFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < ExtensibleSize)
        {
            throw new AudioFormatException(
                $"fmt chunk is WAVE_FORMAT_EXTENSIBLE but only {fmt.Length} bytes long, need {ExtensibleSize}.");
        }
        var extraSize = BinaryPrimitives.ReadUInt16LittleEndian(fmt[16..]);
        if (extraSize < ExtensibleSize - 18)
        {
            throw new AudioFormatException(
                $"fmt chunk is WAVE_FORMAT_EXTENSIBLE but its extension size is {extraSize}, need {ExtensibleSize - 18}.");
        }
        var subFormat = fmt.Slice(24, 16);
        if (!subFormat[2..].SequenceEqual(SubFormatGuidTail))
        {
            throw new AudioFormatException(
                $"unsupported WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(subFormat)}; supported: PCM, IEEE float, µ-law, A-law.");
        }
        return BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
    }

    private static SampleEncoding EncodingOf(ushort effectiveTag, ushort declaredTag) => effectiveTag switch
    {
        TagPcm => SampleEncoding.Pcm,
        TagIeeeFloat => SampleEncoding.IeeeFloat,
        TagMuLaw => SampleEncoding.MuLaw,
        TagALaw => SampleEncoding.ALaw,
        _ => throw new AudioFormatException(
            $"unsupported WAV codec: format tag {DescribeTag(effectiveTag)}" +
            (declaredTag == TagExtensible ? " inside WAVE_FORMAT_EXTENSIBLE" : "") +
            "; supported: PCM, IEEE float, µ-law, A-law."),
    };

    private static void ValidateChannels(int channels, WavDecodeOptions options)
    {
        if (channels == 0)
        {
            throw new AudioFormatException("fmt chunk declares zero channels.");
        }
        if (channels > options.MaxChannels)
        {
            throw new AudioFormatException(
                $"fmt chunk declares {channels} channels, more than the limit of {options.MaxChannels}.");
        }
    }

    private static void ValidateSampleRate(uint sampleRate, WavDecodeOptions options)
    {
        if (sampleRate == 0)
        {
            throw new AudioFormatException("fmt chunk declares a sample rate of zero.");
        }
        if (sampleRate < options.MinSampleRate || sampleRate > options.MaxSampleRate)
        {
            throw new AudioFormatException(
                $"fmt chunk declares an absurd sample rate of {sampleRate} Hz; accepted range is " +
                $"{options.MinSampleRate}..{options.MaxSampleRate} Hz.");
        }
    }

    private static void ValidateBits(SampleEncoding encoding, int bitsPerSample)
    {
        var valid = encoding switch
        {
            SampleEncoding.Pcm => bitsPerSample is >= 1 and <= 32,
            SampleEncoding.IeeeFloat => bitsPerSample is 32 or 64,
            _ => bitsPerSample == 8,
        };
        if (!valid)
        {
            throw new AudioFormatException(
                $"unsupported bits per sample: {bitsPerSample} for {encoding} (PCM takes 1..32, float 32 or 64, G.711 8).");
        }
    }
}
