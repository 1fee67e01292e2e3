using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class KaldiDataDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PathOf(string name) => Path.Combine(_dir.Path, name);

    private void Write(string name, params string[] lines) => File.WriteAllLines(PathOf(name), lines);

    private string Wav(string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.WritePcm16(path, new float[800], 8000);
        return path;
    }

    // Three utterances of two speakers: a relative path, one in a subfolder, one absolute (outside the data dir).
    private string WriteValidDirectory(TempDirectory elsewhere)
    {
        Wav("a.wav");
        Wav("audio/b.wav");
        var absolute = Path.Combine(elsewhere.Path, "c.wav");
        WavWriter.WritePcm16(absolute, new float[800], 8000);
        Write("wav.scp", "spk2-c " + absolute, "spk1-b\taudio/b.wav", "", "spk1-a a.wav");
        Write("text", "spk1-a one  two", "spk1-b three\tfour", "spk2-c five");
        Write("utt2spk", "spk1-a spk1", "spk1-b spk1", "spk2-c spk2");
        return absolute;
    }

    [Fact]
    public void Load_ReadsWavScpTextAndUtt2spk_SortedByUtteranceId_PathsRelativeToTheDataDirOrAbsolute()
    {
        using var elsewhere = new TempDirectory();
        var absolute = WriteValidDirectory(elsewhere);

        var files = KaldiDataDirectory.Load(_dir.Path);

        Assert.Equal(
            [
                (PathOf("a.wav"), "spk1-a", "spk1", "one two"),
                (PathOf(Path.Combine("audio", "b.wav")), "spk1-b", "spk1", "three four"),
                (absolute, "spk2-c", "spk2", "five"),
            ],
            files.Select(f => (f.AudioPath, f.UtteranceId, f.Speaker, f.Text)));
    }

    [Fact]
    public void Load_WithoutUtt2spk_EachUtteranceIsItsOwnSpeaker()
    {
        Wav("x.wav");
        Wav("y.wav");
        Write("wav.scp", "y y.wav", "x x.wav");
        Write("text", "x one", "y two");

        var files = KaldiDataDirectory.Load(_dir.Path);

        Assert.Equal([("x", "x"), ("y", "y")], files.Select(f => (f.UtteranceId, f.Speaker)));
    }

    [Theory]
    [InlineData("wav.scp")]
    [InlineData("text")]
    public void Load_RequiredFileMissing_IsAnErrorNamingIt(string missing)
    {
        using var elsewhere = new TempDirectory();
        WriteValidDirectory(elsewhere);
        File.Delete(PathOf(missing));

        var error = Assert.Throws<FileNotFoundException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains(PathOf(missing), error.Message);
    }

    [Theory]
    [InlineData("wav.scp", "spk1-a", "wav.scp:4", "utt-id path.wav")]
    [InlineData("text", "spk1-b", "text:2", "utt-id words")]
    [InlineData("utt2spk", "spk2-c spk 2", "utt2spk:3", "utt-id speaker")]
    public void Load_MalformedLine_IsAnErrorNamingFileAndLine(string file, string badLine, string where, string expected)
    {
        using var elsewhere = new TempDirectory();
        WriteValidDirectory(elsewhere);
        var lines = File.ReadAllLines(PathOf(file));
        var index = Array.FindIndex(lines, l => l.StartsWith(badLine.Split(' ')[0], StringComparison.Ordinal));
        lines[index] = badLine;
        Write(file, lines);

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains(where, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_DuplicateUtteranceId_IsAnErrorNamingBothLines()
    {
        Wav("a.wav");
        Write("wav.scp", "u1 a.wav", "u2 a.wav", "u1 a.wav");
        Write("text", "u1 one", "u2 two");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("wav.scp:3", error.Message);
        Assert.Contains("'u1'", error.Message);
        Assert.Contains("first on line 1", error.Message);
    }

    [Fact]
    public void Load_PipedCommand_IsRefused_WithASoxExample()
    {
        Wav("a.wav");
        Write("wav.scp", "u1 a.wav", "u2 flac -c -d -s /data/u2.flac |");
        Write("text", "u1 one", "u2 two");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("wav.scp:2", error.Message);
        Assert.Contains("piped command", error.Message);
        Assert.Contains(KaldiDataDirectory.SoxExample, error.Message);
    }

    [Fact]
    public void Load_TextAndAudioDisagree_SaysWhichUtterancesAndHowMany_BothWays()
    {
        Wav("a.wav");
        Write("wav.scp", "u1 a.wav", "u2 a.wav");
        Write("text", "u1 one", "u3 three", "u4 four");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains($"2 utterance(s) in {PathOf("text")} have no audio", error.Message);
        Assert.Contains("'u3' (line 2), 'u4' (line 3)", error.Message);
        Assert.Contains($"1 utterance(s) in {PathOf("wav.scp")} have no transcript", error.Message);
        Assert.Contains("'u2' (line 2)", error.Message);
    }

    [Fact]
    public void Load_AudioFileMissing_IsAnErrorNamingTheLineAndPath()
    {
        Wav("a.wav");
        Write("wav.scp", "u1 a.wav", "u2 gone.wav");
        Write("text", "u1 one", "u2 two");

        var error = Assert.Throws<FileNotFoundException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("wav.scp:2", error.Message);
        Assert.Contains(PathOf("gone.wav"), error.Message);
    }

    [Fact]
    public void Load_AudioNotWav_IsRefused_WithASoxExample()
    {
        File.WriteAllText(PathOf("a.flac"), "fLaC and then some bytes");
        Write("wav.scp", "u1 a.flac");
        Write("text", "u1 one");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("wav.scp:1", error.Message);
        Assert.Contains("RIFF/WAVE", error.Message);
        Assert.Contains(KaldiDataDirectory.SoxExample, error.Message);
    }

    [Fact]
    public void Load_Utt2spkWithoutAnUtterance_IsAnErrorNamingIt()
    {
        using var elsewhere = new TempDirectory();
        WriteValidDirectory(elsewhere);
        Write("utt2spk", "spk1-a spk1", "spk2-c spk2", "someone-else spk3");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains(PathOf("utt2spk"), error.Message);
        Assert.Contains("1 utterance(s)", error.Message);
        Assert.Contains("'spk1-b' (line 2)", error.Message);
    }

    [Fact]
    public void Load_IdThatWouldLeaveTheCorpusFolder_IsRefused()
    {
        Wav("a.wav");
        Write("wav.scp", "u1 a.wav");
        Write("text", "u1 one");
        Write("utt2spk", "u1 ../elsewhere");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("utt2spk:1", error.Message);
        Assert.Contains("'../elsewhere'", error.Message);
    }

    [Fact]
    public void Load_SegmentsFile_IsRefused()
    {
        using var elsewhere = new TempDirectory();
        WriteValidDirectory(elsewhere);
        Write("segments", "u1 rec1 0.0 1.5");

        var error = Assert.Throws<InvalidDataException>(() => KaldiDataDirectory.Load(_dir.Path));

        Assert.Contains("segments", error.Message);
    }
}
