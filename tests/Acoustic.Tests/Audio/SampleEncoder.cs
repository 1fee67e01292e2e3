using System.Buffers.Binary;
using NAudio.Codecs;

namespace AcousticDistill.Acoustic.Tests.Audio;

internal enum SampleKind
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
    MuLaw,
    ALaw,
}

/// <summary>Encodes float samples into the raw bytes of each WAV sample kind.</summary>
internal static class SampleEncoder
{
    public static int BitsOf(SampleKind kind) => kind switch
    {
        SampleKind.Pcm8 or SampleKind.MuLaw or SampleKind.ALaw => 8,
        SampleKind.Pcm16 => 16,
        SampleKind.Pcm24 => 24,
        SampleKind.Pcm32 or SampleKind.Float32 => 32,
        _ => 64,
    };

    public static ushort TagOf(SampleKind kind) => kind switch
    {
        SampleKind.Float32 or SampleKind.Float64 => WavBuilder.TagFloat,
        SampleKind.MuLaw => WavBuilder.TagMuLaw,
        SampleKind.ALaw => WavBuilder.TagALaw,
        _ => WavBuilder.TagPcm,
    };

    public static byte[] Encode(ReadOnlySpan<float> samples, SampleKind kind)
    {
        var width = BitsOf(kind) / 8;
        var bytes = new byte[samples.Length * width];
        for (var i = 0; i < samples.Length; i++)
        {
            var target = bytes.AsSpan(i * width, width);
            var s = samples[i];
            switch (kind)
            {
                case SampleKind.Pcm8:
                    target[0] = (byte)Math.Clamp(MathF.Round(s * 128f) + 128, 0, 255);
                    break;
                case SampleKind.Pcm16:
                    BinaryPrimitives.WriteInt16LittleEndian(target, ToInt16(s));
                    break;
                case SampleKind.Pcm24:
                    var v24 = (int)Math.Clamp(MathF.Round(s * 8388608f), -8388608, 8388607);
                    target[0] = (byte)v24;
                    target[1] = (byte)(v24 >> 8);
                    target[2] = (byte)(v24 >> 16);
                    break;
                case SampleKind.Pcm32:
                    BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Clamp(Math.Round(s * 2147483648.0), int.MinValue, int.MaxValue));
                    break;
                case SampleKind.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(target, s);
                    break;
                case SampleKind.Float64:
                    BinaryPrimitives.WriteDoubleLittleEndian(target, s);
                    break;
                case SampleKind.MuLaw:
                    target[0] = MuLawEncoder.LinearToMuLawSample(ToG711Input(s));
                    break;
                case SampleKind.ALaw:
                    target[0] = ALawEncoder.LinearToALawSample(ToG711Input(s));
                    break;
            }
        }
        return bytes;
    }

    public static WavBuilder Wav(SampleKind kind, int sampleRate, int channels, ReadOnlySpan<float> interleaved) => new()
    {
        FormatTag = TagOf(kind),
        SampleRate = (uint)sampleRate,
        Channels = channels,
        BitsPerSample = BitsOf(kind),
        Data = Encode(interleaved, kind),
    };

    // NAudio's G.711 encoders negate their input, which overflows for -32768; stay one step inside.
    private static short ToG711Input(float s) => Math.Max((short)-32767, ToInt16(s));

    private static short ToInt16(float s) => (short)Math.Clamp(MathF.Round(s * 32768f), short.MinValue, short.MaxValue);
}
