namespace AcousticDistill.Acoustic.Tests.Corpus;

public sealed class CorpusStatisticsTests
{
    private static void AddUtterance(string root, List<UtteranceEntry> entries, CorpusSplit split, string speaker, string id, long samples,
                                     IReadOnlyList<TimedSegment> phones)
    {
        entries.Add(CorpusWriter.Write(root, split, speaker, id, new float[samples], 16000, phones, [new(0, samples, "word")], "word"));
    }

    [Fact]
    public void Compute_CountsHoursSpeakersAndFramesPerClass()
    {
        using var dir = new TempDirectory();
        var entries = new List<UtteranceEntry>();
        AddUtterance(dir.Path, entries, CorpusSplit.Train, "a", "a1", 16000, [new(0, 8000, "sil"), new(8000, 16000, "aa")]);
        AddUtterance(dir.Path, entries, CorpusSplit.Train, "b", "b1", 16000, [new(0, 16000, "s")]);
        AddUtterance(dir.Path, entries, CorpusSplit.Test, "c", "c1", 8000, [new(0, 8000, "sil")]);
        new CorpusManifest("tiny", 16000, "test", entries).Save(dir.Path);

        var stats = CorpusStatistics.Compute(dir.Path);

        Assert.Equal(3, stats.Total.Utterances);
        Assert.Equal(3, stats.Total.Speakers);
        Assert.Equal(40000 / 16000.0 / 3600, stats.Total.Hours, 9);
        Assert.Equal(2, stats.Splits[CorpusSplit.Train].Utterances);
        Assert.Equal(0, stats.Splits[CorpusSplit.Dev].Utterances);
        Assert.Equal(PhoneSet.ClassCount, stats.FramesPerClass.Count);
        Assert.Equal(98 + 98 + 48, stats.FramesPerClass.Sum());
        Assert.Equal(48, stats.FramesPerClassBySplit[CorpusSplit.Test].Sum());
        var sFrames = Enumerable.Range(0, 3).Sum(s => stats.FramesPerClass[PhoneSet.ClassOf(PhoneSet.IndexOf("s"), s)]);
        Assert.Equal(98, sFrames);
    }

    [Fact]
    public void Compute_MissingAlignment_NamesTheFile()
    {
        using var dir = new TempDirectory();
        new CorpusManifest("broken", 16000, "test", [new UtteranceEntry("x", "s", CorpusSplit.Train, "train/s/x.wav", "t", 16000)]).Save(dir.Path);
        var ex = Assert.Throws<FileNotFoundException>(() => CorpusStatistics.Compute(dir.Path));
        Assert.Contains("x.phn", ex.Message);
    }
}
