using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Acoustic.Tests.Alignment;

/// <summary>
/// AN4's sphinx lists on a small synthetic folder: transcription lines of both sets' styles, speaker from the folder,
/// big-endian raw audio, clear errors for inconsistent lists, and the deterministic dev-speaker choice.
/// </summary>
public sealed class An4CorpusTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ParseTranscriptionLine_TrainStyle_DropsSentenceMarksAndTheId()
    {
        Assert.Equal(("an251-fash-b", "YES"), An4Corpus.ParseTranscriptionLine("<s> YES </s> (an251-fash-b)"));
    }

    [Fact]
    public void ParseTranscriptionLine_TestStyle_KeepsEveryWord()
    {
        Assert.Equal(("an406-fcaw-b", "RUBOUT G M E F THREE NINE"), An4Corpus.ParseTranscriptionLine("RUBOUT G M E F THREE NINE (an406-fcaw-b)"));
        Assert.Equal(("an1-x-b", "ONE TWO"), An4Corpus.ParseTranscriptionLine("  <s> ONE  <sil> TWO </s>\t(an1-x-b)  "));
    }

    [Theory]
    [InlineData("YES")]
    [InlineData("<s> YES </s> (an251-fash-b")]
    [InlineData("<s> YES </s> ()")]
    [InlineData("<s> YES </s> ( )")]
    [InlineData(")")]
    [InlineData("<s> YES </s> (an251-fash-b) extra")]
    public void ParseTranscriptionLine_Malformed_IsAClearError(string line)
    {
        Assert.Contains("file-id", Assert.Throws<InvalidDataException>(() => An4Corpus.ParseTranscriptionLine(line)).Message);
    }

    [Fact]
    public void Load_ReadsSpeakerFromTheFolder_BigEndian16kRaw_AndTheWords()
    {
        SyntheticAn4.Write(_folder.Path,
            [new("fash", "an251-fash-b", "yes"), new("mblw", "an30-mblw-b", "one two")],
            [new("fcaw", "an406-fcaw-b", "three")]);

        var train = An4Corpus.Load(_folder.Path, An4Corpus.Train);
        var test = An4Corpus.Load(_folder.Path, An4Corpus.Test);

        Assert.Equal([("an251-fash-b", "fash", "YES"), ("an30-mblw-b", "mblw", "ONE TWO")], train.Select(f => (f.UtteranceId, f.Speaker, f.Text)));
        Assert.Equal([("an406-fcaw-b", "fcaw", "THREE")], test.Select(f => (f.UtteranceId, f.Speaker, f.Text)));
        Assert.All(train.Concat(test), f =>
        {
            Assert.Equal(new RawPcmFormat(16000, BigEndian: true), f.Raw);
            Assert.True(File.Exists(f.AudioPath), f.AudioPath);
            Assert.EndsWith(".raw", f.AudioPath);
        });
        var (samples, rate) = train[0].ReadSamplesAtItsRate();
        Assert.Equal(16000, rate);
        Assert.Equal(SyntheticAn4.Hum.Length, samples.Length);
        Assert.All(samples.Zip(SyntheticAn4.Hum), p => Assert.Equal(p.Second, p.First, 1e-4f));
    }

    [Fact]
    public void Load_FileIdWithoutTranscription_NamesTheIdAndTheLine()
    {
        SyntheticAn4.Write(_folder.Path, [new("fash", "an251-fash-b", "yes"), new("fash", "an253-fash-b", "go")], []);
        var transcription = Path.Combine(_folder.Path, "etc", "an4_train.transcription");
        File.WriteAllLines(transcription, File.ReadAllLines(transcription).Take(1));

        var error = Assert.Throws<InvalidDataException>(() => An4Corpus.Load(_folder.Path, An4Corpus.Train));

        Assert.Contains("an253-fash-b", error.Message);
        Assert.Contains("an4_train.fileids:2", error.Message);
    }

    [Fact]
    public void Load_MissingRawFile_NamesTheAudioPath()
    {
        SyntheticAn4.Write(_folder.Path, [new("fash", "an251-fash-b", "yes")], []);
        var audio = Path.Combine(_folder.Path, "wav", "an4_clstk", "fash", "an251-fash-b.raw");
        File.Delete(audio);

        var error = Assert.Throws<FileNotFoundException>(() => An4Corpus.Load(_folder.Path, An4Corpus.Train));

        Assert.Contains(audio, error.Message);
    }

    [Fact]
    public void Load_TranscriptionLineWithoutWords_OrMalformed_NamesFileAndLine()
    {
        SyntheticAn4.Write(_folder.Path, [new("fash", "an251-fash-b", "yes")], []);
        var transcription = Path.Combine(_folder.Path, "etc", "an4_train.transcription");

        File.WriteAllLines(transcription, ["<s> </s> (an251-fash-b)"]);
        var empty = Assert.Throws<InvalidDataException>(() => An4Corpus.Load(_folder.Path, An4Corpus.Train));
        File.WriteAllLines(transcription, ["", "<s> YES </s> an251-fash-b"]);
        var malformed = Assert.Throws<InvalidDataException>(() => An4Corpus.Load(_folder.Path, An4Corpus.Train));

        Assert.Contains("an4_train.transcription:1", empty.Message);
        Assert.Contains("no words", empty.Message);
        Assert.Contains("an4_train.transcription:2", malformed.Message);
    }

    [Fact]
    public void Load_UnknownSetOrFolder_IsAClearError()
    {
        Assert.Throws<ArgumentException>(() => An4Corpus.Load(_folder.Path, "dev"));
        Assert.Throws<DirectoryNotFoundException>(() => An4Corpus.Load(Path.Combine(_folder.Path, "absent"), An4Corpus.Train));
        Assert.Contains("an4_train.fileids", Assert.Throws<FileNotFoundException>(() => An4Corpus.Load(_folder.Path, An4Corpus.Train)).Message);
    }

    [Fact]
    public void DevSpeakers_AreEveryNthSpeakerByName_WhateverTheFileOrder()
    {
        var speakers = new[] { "mjc", "fash", "mblw", "fcaw", "mblw", "fbbh", "mdxn", "fash" };
        var files = speakers.Select((s, i) => new TranscribedFile($"{s}-{i}.raw", $"u{i}", s, "yes")).ToArray();

        // Name order: fash fbbh fcaw mblw mdxn mjc.
        Assert.Equal(["fbbh", "mblw", "mjc"], An4Corpus.DevSpeakers(files, 2).Order(StringComparer.Ordinal));
        Assert.Equal(["fcaw", "mjc"], An4Corpus.DevSpeakers(files, 3).Order(StringComparer.Ordinal));
        Assert.Equal(An4Corpus.DevSpeakers(files, 2), An4Corpus.DevSpeakers(files.Reverse().ToArray(), 2));
        Assert.Throws<ArgumentException>(() => An4Corpus.DevSpeakers(files, 1));
    }
}
