using System.Buffers.Binary;

namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class WavDecoderErrorTests
{
    private static byte[] ValidPcm16() => SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 1, TestSignals.ExactPattern).Build();

    private static void AssertRejected(byte[] bytes, string expectedWord, WavDecodeOptions? options = null)
    {
        options ??= WavDecodeOptions.Default;
        var seekable = Assert.Throws<AudioFormatException>(() => WavDecoder.Decode(new MemoryStream(bytes), 16_000, options));
        var forwardOnly = Assert.Throws<AudioFormatException>(() => WavDecoder.Decode(new NonSeekableStream(bytes), 16_000, options));
        Assert.Contains(expectedWord, seekable.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expectedWord, forwardOnly.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decode_EmptyInput_IsTruncatedHeader() => AssertRejected([], "truncated header");

    [Fact]
    public void Decode_ShortHeader_IsTruncatedHeader() => AssertRejected("RIFF\0\0"u8.ToArray(), "truncated header");

    [Fact]
    public void Decode_NotRiff_SaysNotRiff() => AssertRejected("ID3\u0004 this is an mp3 file"u8.ToArray(), "not a RIFF");

    [Fact]
    public void Decode_RiffButNotWave_NamesTheFormType()
    {
        var bytes = ValidPcm16();
        "AVI "u8.CopyTo(bytes.AsSpan(8));
        AssertRejected(bytes, "'AVI '");
    }

    [Fact]
    public void Decode_Rf64_SaysNotSupported()
    {
        var bytes = ValidPcm16();
        "RF64"u8.CopyTo(bytes);
        AssertRejected(bytes, "RF64");
    }

    [Fact]
    public void Decode_NoFmtChunk_SaysMissingFmt() => AssertRejected(new WavBuilder { WriteFmt = false, Data = [1, 2] }.Build(), "missing fmt");

    [Fact]
    public void Decode_DataBeforeFmt_SaysMissingFmt() =>
        AssertRejected(new WavBuilder { DataBeforeFmt = true, Data = [1, 2] }.Build(), "missing fmt");

    [Fact]
    public void Decode_NoDataChunk_SaysMissingData() => AssertRejected(new WavBuilder { WriteData = false }.Build(), "missing data");

    [Fact]
    public void Decode_TruncatedFmtChunk_SaysTruncatedFmt() => AssertRejected(ValidPcm16()[..30], "truncated fmt");

    [Fact]
    public void Decode_ShortFmtChunk_SaysTooShort()
    {
        var bytes = ValidPcm16();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 12);
        AssertRejected(bytes, "too short");
    }

    [Fact]
    public void Decode_HugeFmtChunk_SaysAbsurd()
    {
        var bytes = ValidPcm16();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 0x7FFF0000);
        AssertRejected(bytes, "absurdly large");
    }

    [Fact]
    public void Decode_OtherChunkRunningPastEnd_SaysTruncatedChunk()
    {
        var builder = new WavBuilder();
        builder.ExtraChunks.Add(("LIST", new byte[4]));
        var bytes = builder.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 1_000_000);
        AssertRejected(bytes, "truncated chunk 'LIST'");
    }

    [Fact]
    public void Decode_DataShorterThanDeclared_SaysTruncatedData()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 1, TestSignals.ExactPattern);
        builder.DataSizeField = 100;
        AssertRejected(builder.Build(), "truncated data");
    }

    [Theory]
    [InlineData(0x0002, "Adpcm")]
    [InlineData(0x0055, "MpegLayer3")]
    [InlineData(0x0031, "Gsm610")]
    [InlineData(0x1234, "0x1234")]
    public void Decode_UnsupportedCodec_NamesTheFormatTag(ushort tag, string name)
    {
        var bytes = new WavBuilder { FormatTag = tag, Data = [1, 2] }.Build();
        AssertRejected(bytes, "unsupported WAV codec");
        AssertRejected(bytes, name);
    }

    [Fact]
    public void Decode_UnsupportedExtensibleSubFormat_NamesIt()
    {
        var bytes = new WavBuilder { FormatTag = WavBuilder.TagExtensible, SubFormatTag = 0x0055, Data = [1, 2] }.Build();
        AssertRejected(bytes, "MpegLayer3");
    }

    [Fact]
    public void Decode_ExtensibleWithForeignGuid_SaysSubFormat()
    {
        var bytes = new WavBuilder { FormatTag = WavBuilder.TagExtensible, Data = [1, 2] }.Build();
        bytes[20 + 24 + 10] ^= 0xFF; // inside the GUID's constant tail
        AssertRejected(bytes, "sub-format");
    }

    [Fact]
    public void Decode_ExtensibleTooShort_SaysExtensible()
    {
        var bytes = new WavBuilder { FormatTag = WavBuilder.TagExtensible, Data = [1, 2] }.Build();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20 + 16), 0); // cbSize
        AssertRejected(bytes, "EXTENSIBLE");
    }

    [Fact]
    public void Decode_ZeroChannels_SaysZeroChannels() =>
        AssertRejected(new WavBuilder { Channels = 0, BlockAlign = 2, Data = [1, 2] }.Build(), "zero channels");

    [Fact]
    public void Decode_TooManyChannels_SaysLimit() =>
        AssertRejected(new WavBuilder { Channels = 5, Data = new byte[10] }.Build(), "limit", new WavDecodeOptions { MaxChannels = 4 });

    [Fact]
    public void Decode_ZeroSampleRate_SaysZero() => AssertRejected(new WavBuilder { SampleRate = 0, Data = [1, 2] }.Build(), "sample rate of zero");

    [Theory]
    [InlineData(1u)]
    [InlineData(999u)]
    [InlineData(4_000_000_000u)]
    public void Decode_AbsurdSampleRate_SaysAbsurd(uint rate) =>
        AssertRejected(new WavBuilder { SampleRate = rate, Data = [1, 2] }.Build(), "absurd sample rate");

    [Fact]
    public void Decode_BlockAlignMismatch_SaysBlockAlign() =>
        AssertRejected(new WavBuilder { Channels = 2, BlockAlign = 3, Data = new byte[12] }.Build(), "block align");

    [Theory]
    [InlineData(WavBuilder.TagPcm, 0)]
    [InlineData(WavBuilder.TagPcm, 40)]
    [InlineData(WavBuilder.TagFloat, 16)]
    [InlineData(WavBuilder.TagMuLaw, 16)]
    public void Decode_ImpossibleBitsPerSample_SaysBitsPerSample(ushort tag, int bits) =>
        AssertRejected(new WavBuilder { FormatTag = tag, BitsPerSample = bits, BlockAlign = 2, Data = [1, 2] }.Build(), "bits per sample");

    [Fact]
    public void Decode_DataLargerThanLimit_SaysTooLarge()
    {
        var options = new WavDecodeOptions { MaxDataBytes = 10 };
        AssertRejected(ValidPcm16(), "too large", options);
    }

    [Fact]
    public void Decode_UnknownSizeDataLargerThanLimit_SaysTooLarge()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 1, new float[100]);
        builder.DataSizeField = 0xFFFFFFFF;
        AssertRejected(builder.Build(), "too large", new WavDecodeOptions { MaxDataBytes = 64 });
    }

    [Fact]
    public void Decode_DeclaredFourGigabytes_SaysTooLargeWithoutAllocating()
    {
        var builder = SampleEncoder.Wav(SampleKind.Pcm16, 16_000, 1, TestSignals.ExactPattern);
        builder.DataSizeField = 0xFFFFFFF0;
        AssertRejected(builder.Build(), "too large");
    }

    [Fact]
    public void Decode_StreamThatFails_IsWrappedAsAudioFormatException()
    {
        var failing = new NonSeekableStream(ValidPcm16(), failAfter: 40);

        var error = Assert.Throws<AudioFormatException>(() => WavDecoder.Decode(failing, 16_000));

        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public void Decode_TargetRateOutOfRange_IsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WavDecoder.Decode(new MemoryStream(ValidPcm16()), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavDecoder.Decode(new MemoryStream(ValidPcm16()), 10_000_000));
    }

    [Fact]
    public void DecodeFile_MissingFile_IsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => WavDecoder.DecodeFile(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.wav"), 16_000));
}
