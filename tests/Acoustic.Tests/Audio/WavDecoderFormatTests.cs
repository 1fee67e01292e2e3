using NAudio.Wave;

namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class WavDecoderFormatTests
{
    private const int Rate = 16_000;

    [Theory]
    [InlineData(SampleKind.Pcm8)]
    [InlineData(SampleKind.Pcm16)]
    [InlineData(SampleKind.Pcm24)]
    [InlineData(SampleKind.Pcm32)]
    [InlineData(SampleKind.Float32)]
    [InlineData(SampleKind.Float64)]
    internal void Decode_ExactKinds_ReturnsTheSamplePattern(SampleKind kind)
    {
        var bytes = SampleEncoder.Wav(kind, Rate, 1, TestSignals.ExactPattern).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), Rate);

        Assert.Equal(TestSignals.ExactPattern, decoded);
    }

    [Theory]
    [InlineData(SampleKind.Pcm16, WavBuilder.TagPcm)]
    [InlineData(SampleKind.Pcm24, WavBuilder.TagPcm)]
    [InlineData(SampleKind.Pcm32, WavBuilder.TagPcm)]
    [InlineData(SampleKind.Float32, WavBuilder.TagFloat)]
    [InlineData(SampleKind.Float64, WavBuilder.TagFloat)]
    [InlineData(SampleKind.MuLaw, WavBuilder.TagMuLaw)]
    internal void Decode_Extensible_ResolvesTheSubFormat(SampleKind kind, ushort subFormat)
    {
        var plain = SampleEncoder.Wav(kind, Rate, 2, TestSignals.Interleave(TestSignals.ExactPattern, TestSignals.ExactPattern));
        plain.FormatTag = WavBuilder.TagExtensible;
        plain.SubFormatTag = subFormat;

        var decoded = WavDecoder.Decode(new MemoryStream(plain.Build()), Rate);

        Assert.Equal(TestSignals.ExactPattern.Length, decoded.Length);
        var tolerance = kind == SampleKind.MuLaw ? 0.035f : 0f;
        for (var i = 0; i < decoded.Length; i++)
        {
            Assert.InRange(decoded[i], TestSignals.ExactPattern[i] - tolerance, TestSignals.ExactPattern[i] + tolerance);
        }
    }

    [Theory]
    [InlineData(SampleKind.MuLaw)]
    [InlineData(SampleKind.ALaw)]
    internal void Decode_G711_SineKeepsItsShapeWithinQuantisationError(SampleKind kind)
    {
        var sine = TestSignals.Sine(440, 8_000, 800, 0.8f);
        var bytes = SampleEncoder.Wav(kind, 8_000, 1, sine).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), 8_000);

        Assert.Equal(sine.Length, decoded.Length);
        for (var i = 0; i < sine.Length; i++)
        {
            // G.711's coarsest step is 1024/32768; half of it plus rounding bounds the error.
            Assert.InRange(decoded[i] - sine[i], -0.02f, 0.02f);
        }
    }

    [Fact]
    public void Decode_G711_KnownCodewords()
    {
        var mu = new WavBuilder { FormatTag = WavBuilder.TagMuLaw, BitsPerSample = 8, SampleRate = 8_000, Data = [0xFF, 0x80, 0x00] };
        var a = new WavBuilder { FormatTag = WavBuilder.TagALaw, BitsPerSample = 8, SampleRate = 8_000, Data = [0xD5, 0xAA, 0x2A] };

        var muDecoded = WavDecoder.Decode(new MemoryStream(mu.Build()), 8_000);
        var aDecoded = WavDecoder.Decode(new MemoryStream(a.Build()), 8_000);

        // µ-law 0xFF is silence and 0x80/0x00 are ±32124; A-law 0xD5 is +8 and 0xAA/0x2A are ±32256.
        Assert.Equal([0f, 32124 / 32768f, -32124 / 32768f], muDecoded);
        Assert.Equal([8 / 32768f, 32256 / 32768f, -32256 / 32768f], aDecoded);
    }

    [Fact]
    public void Decode_Float_ClampsOutOfRangeAndSilencesNaN()
    {
        var bytes = SampleEncoder.Wav(SampleKind.Float32, Rate, 1, [1.5f, -3f, float.NaN, float.PositiveInfinity, 0.25f]).Build();

        var decoded = WavDecoder.Decode(new MemoryStream(bytes), Rate);

        Assert.Equal([1f, -1f, 0f, 1f, 0.25f], decoded);
    }

    [Fact]
    public void Decode_TwentyBitsInTwentyFourBitContainer_ScalesByContainer()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm24, Rate, 1, [0.5f, -0.25f]);
        builder.BitsPerSample = 20;

        var decoded = WavDecoder.Decode(new MemoryStream(builder.Build()), Rate);

        Assert.Equal([0.5f, -0.25f], decoded);
    }

    [Fact]
    public void Decode_SkipsUnknownChunksAndOddSizedPadding()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, Rate, 1, TestSignals.ExactPattern);
        builder.ExtraChunks.Add(("LIST", "INFOISFT\u0003\0\0\0ab\0"u8.ToArray()));
        builder.ExtraChunks.Add(("JUNK", new byte[7]));

        var seekable = WavDecoder.Decode(new MemoryStream(builder.Build()), Rate);
        var forwardOnly = WavDecoder.Decode(new NonSeekableStream(builder.Build()), Rate);

        Assert.Equal(TestSignals.ExactPattern, seekable);
        Assert.Equal(TestSignals.ExactPattern, forwardOnly);
    }

    [Fact]
    public void Decode_NAudioWaveFileWriterOutput_MatchesWhatWasWritten()
    {
        var stereo = TestSignals.Interleave(TestSignals.ExactPattern, TestSignals.ExactPattern);
        var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, WaveFormat.CreateIeeeFloatWaveFormat(Rate, 2)))
        {
            writer.WriteSamples(stereo, 0, stereo.Length);
        }

        var decoded = WavDecoder.Decode(new MemoryStream(memory.ToArray()), Rate);

        Assert.Equal(TestSignals.ExactPattern, decoded);
    }

    [Fact]
    public void DecodeFile_ReadsWhatWavWriterWrote()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wavdecoder-{Guid.NewGuid():N}.wav");
        try
        {
            WavWriter.WritePcm16(path, TestSignals.ExactPattern, Rate);

            var decoded = WavDecoder.DecodeFile(path, Rate);

            Assert.Equal(TestSignals.ExactPattern, decoded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(22_050)]
    [InlineData(48_000)]
    public void DecodeFileAtItsRate_ReturnsTheDeclaredRate_AndTheSamplesUnresampled(int rate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wavdecoder-{Guid.NewGuid():N}.wav");
        try
        {
            var sine = TestSignals.Sine(440, rate, rate / 10, 0.5f);
            File.WriteAllBytes(path, SampleEncoder.Wav(SampleKind.Float32, rate, 2, TestSignals.Interleave(sine, sine)).Build());

            var (samples, decodedRate) = WavDecoder.DecodeFileAtItsRate(path);

            Assert.Equal(rate, decodedRate);
            Assert.Equal(sine, samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DecodeAtItsRate_NonSeekableStream_DecodesInOnePass()
    {
        var bytes = SampleEncoder.Wav(SampleKind.Pcm16, 11_025, 1, TestSignals.ExactPattern).Build();

        var (samples, rate) = WavDecoder.DecodeAtItsRate(new NonSeekableStream(bytes), WavDecodeOptions.Default);

        Assert.Equal(11_025, rate);
        Assert.Equal(TestSignals.ExactPattern, samples);
    }

    [Fact]
    public void DecodeFileAtItsRate_NotWav_IsAudioFormatException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wavdecoder-{Guid.NewGuid():N}.wav");
        try
        {
            File.WriteAllText(path, "not a wave file at all");

            Assert.Throws<AudioFormatException>(() => WavDecoder.DecodeFileAtItsRate(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Decode_EmptyDataChunk_ReturnsNoSamples()
    {
        var bytes = new WavBuilder { Data = [] }.Build();

        Assert.Empty(WavDecoder.Decode(new MemoryStream(bytes), Rate));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public void Decode_StreamingWriterSizePlaceholder_ReadsToEndAndDropsPartialFrame(uint placeholder)
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, Rate, 2, TestSignals.Interleave(TestSignals.ExactPattern, TestSignals.ExactPattern));
        builder.DataSizeField = placeholder;
        builder.Data = [.. builder.Data, 0x12, 0x34]; // writer killed mid-frame (even, so no pad byte)

        var seekable = WavDecoder.Decode(new MemoryStream(builder.Build()), Rate);
        var forwardOnly = WavDecoder.Decode(new NonSeekableStream(builder.Build()), Rate);

        Assert.Equal(TestSignals.ExactPattern, seekable);
        Assert.Equal(TestSignals.ExactPattern, forwardOnly);
    }

    [Fact]
    public void Decode_TruncatedDataWhenAllowed_ReturnsTheWholeFramesPresent()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, Rate, 1, TestSignals.ExactPattern);
        builder.DataSizeField = 1000;
        var options = new WavDecodeOptions { AllowTruncatedData = true };

        var seekable = WavDecoder.Decode(new MemoryStream(builder.Build()), Rate, options);
        var forwardOnly = WavDecoder.Decode(new NonSeekableStream(builder.Build()), Rate, options);

        Assert.Equal(TestSignals.ExactPattern, seekable);
        Assert.Equal(TestSignals.ExactPattern, forwardOnly);
    }

    [Fact]
    public void Decode_DataChunkFollowedByOtherChunks_StopsAtDeclaredSize()
    {
        var bytes = SampleEncoder.Wav(SampleKind.Pcm16, Rate, 1, TestSignals.ExactPattern).Build();
        byte[] withTrailer = [.. bytes, .. "LIST"u8, 4, 0, 0, 0, 1, 2, 3, 4];

        var decoded = WavDecoder.Decode(new MemoryStream(withTrailer), Rate);

        Assert.Equal(TestSignals.ExactPattern, decoded);
    }
}
