using System.Buffers.Binary;
using Xunit.Abstractions;

namespace AcousticDistill.Acoustic.Tests.Audio;

/// <summary>
/// Mutates valid WAV files of several formats thousands of times and checks the decoder's contract:
/// every input either decodes to samples in [-1, 1] or raises <see cref="AudioFormatException"/>, and does so with
/// a bounded amount of stream work (no loop that stops advancing through the bytes, which would hang a server).
/// </summary>
public sealed class WavDecoderFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261125;
    private const int MutantCount = 3_000;
    private const int FmtBodyOffset = 20;

    // Small enough that a mutated size field can never make the decoder hold much memory.
    private static readonly WavDecodeOptions FuzzOptions = new() { MaxDataBytes = 4 << 20 };

    private static readonly uint[] InterestingSizes = [0, 1, 2, 3, 7, 15, 16, 17, 18, 40, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];

    [Fact]
    public void Decode_MutatedAndTruncatedFiles_EitherDecodeOrRaiseAudioFormatException()
    {
        var random = new Random(Seed);
        var bases = BaseFiles();
        int decoded = 0, rejected = 0;
        long mostCalls = 0;

        for (var i = 0; i < MutantCount; i++)
        {
            var mutant = Mutate(bases[i % bases.Length], random);
            // Every productive read consumes at least one byte and every chunk has an 8-byte header, so a decoder that
            // advances needs far fewer calls than this; one that loops without advancing reaches it and is stopped.
            var limit = WorkLimit(mutant);
            using var stream = new WorkCountingStream(i % 2 == 0 ? new MemoryStream(mutant) : new NonSeekableStream(mutant), limit);
            try
            {
                var samples = WavDecoder.Decode(stream, 16_000, FuzzOptions);
                foreach (var sample in samples)
                {
                    Assert.InRange(sample, -1f, 1f); // NaN fails this too
                }
                decoded++;
            }
            catch (AudioFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutant {i} (base {i % bases.Length}) raised {ex.GetType().Name}: {ex}\nbytes: {Convert.ToHexString(mutant[..Math.Min(96, mutant.Length)])}");
            }
            Assert.False(stream.LimitExceeded,
                $"mutant {i} (base {i % bases.Length}) made more than {limit} stream calls: a loop that does not advance\nbytes: {Convert.ToHexString(mutant[..Math.Min(96, mutant.Length)])}");
            mostCalls = Math.Max(mostCalls, stream.Calls);
        }

        output.WriteLine($"{MutantCount} mutants: {decoded} decoded, {rejected} rejected, at most {mostCalls} stream calls for one");
        // Both outcomes must be common, or the mutations are not probing anything.
        Assert.InRange(decoded, MutantCount / 10, MutantCount);
        Assert.InRange(rejected, MutantCount / 10, MutantCount);
    }

    private static long WorkLimit(byte[] mutant) => 64 + 2L * mutant.Length;

    private static byte[][] BaseFiles()
    {
        var sine = TestSignals.Sine(440, 8_000, 600, 0.7f);
        var stereo = TestSignals.Interleave(sine, sine);
        var withList = SampleEncoder.Wav(SampleKind.Pcm24, 44_100, 3, TestSignals.Interleave(sine, sine, sine));
        withList.ExtraChunks.Add(("LIST", "INFOINAM\u0005\0\0\0hello\0"u8.ToArray()));
        var extensibleFloat = SampleEncoder.Wav(SampleKind.Float32, 48_000, 2, stereo);
        extensibleFloat.FormatTag = WavBuilder.TagExtensible;
        extensibleFloat.SubFormatTag = WavBuilder.TagFloat;
        var extensiblePcm32 = SampleEncoder.Wav(SampleKind.Pcm32, 16_000, 6, TestSignals.Interleave(sine, sine, sine, sine, sine, sine));
        extensiblePcm32.FormatTag = WavBuilder.TagExtensible;
        var oddALaw = SampleEncoder.Wav(SampleKind.ALaw, 8_000, 1, sine[..599]);
        return
        [
            SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 1, sine).Build(),
            SampleEncoder.Wav(SampleKind.Pcm8, 8_000, 2, stereo).Build(),
            withList.Build(),
            extensibleFloat.Build(),
            SampleEncoder.Wav(SampleKind.Float64, 22_050, 1, sine).Build(),
            SampleEncoder.Wav(SampleKind.MuLaw, 8_000, 1, sine).Build(),
            oddALaw.Build(),
            extensiblePcm32.Build(),
        ];
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            bytes = random.Next(6) switch
            {
                0 => FlipBytes(bytes, random),
                1 => Truncate(bytes, random),
                2 => SetChunkSize(bytes, random),
                3 => SetFmtField(bytes, random),
                4 => Insert(bytes, random),
                _ => [.. bytes, .. RandomBytes(random, random.Next(1, 64))],
            };
        }
        return bytes;
    }

    private static byte[] FlipBytes(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            // Half the flips land in the headers, where they matter most.
            var limit = random.Next(2) == 0 ? Math.Min(bytes.Length, 80) : bytes.Length;
            bytes[random.Next(limit)] ^= (byte)random.Next(1, 256);
        }
        return bytes;
    }

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(bytes.Length + 1)];

    private static byte[] Insert(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. RandomBytes(random, random.Next(1, 9)), .. bytes[at..]];
    }

    private static byte[] SetChunkSize(byte[] bytes, Random random)
    {
        var sizeFields = new List<int> { 4 };
        // Walk the chunk headers as the file is now; stop at anything implausible.
        for (var at = 12; at + 8 <= bytes.Length && sizeFields.Count < 16;)
        {
            sizeFields.Add(at + 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            if (size > bytes.Length)
            {
                break;
            }
            at += 8 + (int)size + (int)(size & 1);
        }
        var field = sizeFields[random.Next(sizeFields.Count)];
        if (field + 4 > bytes.Length)
        {
            return bytes;
        }
        var current = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(field));
        var value = random.Next(3) switch
        {
            0 => InterestingSizes[random.Next(InterestingSizes.Length)],
            1 => current + (uint)random.Next(-3, 4),
            _ => (uint)random.NextInt64(0, 1L << 32),
        };
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(field), value);
        return bytes;
    }

    private static byte[] SetFmtField(byte[] bytes, Random random)
    {
        // Field offsets in the fmt body: tag, channels, rate, byte rate, block align, bits, cbSize, valid bits, sub-format tag.
        int[] offsets = [0, 2, 4, 8, 12, 14, 16, 18, 24];
        var offset = FmtBodyOffset + offsets[random.Next(offsets.Length)];
        if (offset + 4 > bytes.Length)
        {
            return bytes;
        }
        var field = bytes.AsSpan(offset);
        if (offset - FmtBodyOffset is 4 or 8)
        {
            uint[] rates = [0, 1, 999, 1_000, 8_000, 11_025, 96_000, 768_000, 768_001, 0xFFFFFFFF];
            BinaryPrimitives.WriteUInt32LittleEndian(field, random.Next(2) == 0 ? rates[random.Next(rates.Length)] : (uint)random.NextInt64(0, 1L << 32));
        }
        else
        {
            ushort[] shorts = [0, 1, 2, 3, 6, 7, 8, 12, 16, 20, 24, 32, 33, 64, 0xFFFE, 0xFFFF];
            BinaryPrimitives.WriteUInt16LittleEndian(field, random.Next(2) == 0 ? shorts[random.Next(shorts.Length)] : (ushort)random.Next(65_536));
        }
        return bytes;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
