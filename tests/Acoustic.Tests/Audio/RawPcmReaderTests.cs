namespace AcousticDistill.Acoustic.Tests.Audio;

/// <summary>Headerless 16-bit PCM: both byte orders of known bytes, and clear errors for files that cannot be samples.</summary>
public sealed class RawPcmReaderTests : IDisposable
{
    // 0x1234 / 0xFFFE most significant byte first; 0x3412 / 0xFEFF least significant first.
    private static readonly byte[] s_bytes = [0x12, 0x34, 0xFF, 0xFE, 0x80, 0x00];

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Decode_BigEndian_ReadsMostSignificantByteFirst()
    {
        Assert.Equal([0x1234 / 32768f, -2 / 32768f, -1f], RawPcmReader.Decode(s_bytes, bigEndian: true));
    }

    [Fact]
    public void Decode_LittleEndian_ReadsLeastSignificantByteFirst()
    {
        Assert.Equal([0x3412 / 32768f, -257 / 32768f, 0x0080 / 32768f], RawPcmReader.Decode(s_bytes, bigEndian: false));
    }

    [Fact]
    public void ReadFile_DecodesTheWholeFileInTheGivenOrder()
    {
        var path = Write("a.raw", s_bytes);

        Assert.Equal(RawPcmReader.Decode(s_bytes, bigEndian: true), RawPcmReader.ReadFile(path, new RawPcmFormat(16000, BigEndian: true)));
        Assert.Equal(RawPcmReader.Decode(s_bytes, bigEndian: false), RawPcmReader.ReadFile(path, new RawPcmFormat(16000, BigEndian: false)));
    }

    [Fact]
    public void ReadFile_OddByteCount_IsAnAudioFormatErrorNamingTheFile()
    {
        var path = Write("odd.raw", [0x12, 0x34, 0x56]);

        var error = Assert.Throws<AudioFormatException>(() => RawPcmReader.ReadFile(path, new RawPcmFormat(16000, true)));

        Assert.Contains(path, error.Message);
        Assert.Contains("odd", error.Message);
    }

    [Fact]
    public void ReadFile_EmptyFile_IsAnAudioFormatErrorNamingTheFile()
    {
        var path = Write("empty.raw", []);

        var error = Assert.Throws<AudioFormatException>(() => RawPcmReader.ReadFile(path, new RawPcmFormat(16000, true)));

        Assert.Contains(path, error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_IsFileNotFound()
    {
        var path = Path.Combine(_folder.Path, "absent.raw");

        var error = Assert.Throws<FileNotFoundException>(() => RawPcmReader.ReadFile(path, new RawPcmFormat(16000, true)));

        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void ReadFile_NonPositiveRate_IsAnArgumentError()
    {
        var path = Write("a.raw", s_bytes);

        Assert.Throws<ArgumentException>(() => RawPcmReader.ReadFile(path, new RawPcmFormat(0, true)));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
