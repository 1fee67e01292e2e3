using AcousticDistill.Acoustic.Tests.Synthesis;

namespace AcousticDistill.Acoustic.Tests.Corpus;

public sealed class SyntheticCorpusBuilderTests
{
    private static readonly string[] s_sentences =
    [
        "The cat sat on the mat.", "A stitch in time saves nine.", "Fortune favours the bold today.",
        "Never put off until tomorrow what you can do today.", "All that glitters is not gold.",
        "You will meet a tall dark stranger.", "The early bird catches the worm.", "Honesty is the best policy here.",
        "Look before you leap over the wall.", "Many hands make light work.", "Practice makes perfect in the end.",
        "Time flies when you are having fun.", "Actions speak louder than words.", "Better late than never they say.",
        "Every cloud has a silver lining.", "Rome was not built in a day.", "When in doubt, leave it out.",
        "Two heads are better than one.", "The pen is mightier than the sword.", "Still waters run deep.",
    ];

    private static SyntheticCorpusOptions Options(string output, int seed) => new()
    {
        OutputDirectory = output,
        TrainMinutes = 0.25,
        HeldOutFraction = 0.2,
        Seed = seed,
        Sentences = s_sentences,
        DevTextFraction = 0.2,
        TestTextFraction = 0.2,
        Finishing = new FinishingOptions { SampleRate = 8000 },
        Voices =
        [
            new(SynthesisEngine.Festival, "voice_kal_diphone"), new(SynthesisEngine.Flite, "kal16"), new(SynthesisEngine.Flite, "rms"),
            new(SynthesisEngine.Flite, "awb"), new(SynthesisEngine.Espeak, "en-us"), new(SynthesisEngine.Espeak, "en-029+m3"),
        ],
        DevPersons = 1,
        TestPersons = 1,
    };

    [EngineFact(SynthesisEngine.Festival)]
    public void Build_TinyCorpus_IsSpeakerAndTextDisjoint_WithConsistentFiles()
    {
        Assert.Null(VoiceCatalog.MissingTool(SynthesisEngine.Flite));
        Assert.Null(VoiceCatalog.MissingTool(SynthesisEngine.Espeak));
        using var dir = new TempDirectory();
        var report = new SyntheticCorpusBuilder(Options(dir.Path, seed: 3)).Build();
        var manifest = CorpusManifest.Load(dir.Path);

        Assert.Equal(8000, manifest.SampleRate);
        Assert.Equal(0, report.Dropped);
        Assert.InRange(report.Splits[CorpusSplit.Train].Minutes, 0.25, 0.4);
        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            Assert.NotEmpty(manifest.InSplit(split));
        }
        var speakers = Enum.GetValues<CorpusSplit>().ToDictionary(s => s, s => manifest.InSplit(s).Select(u => u.Speaker).ToHashSet());
        var texts = Enum.GetValues<CorpusSplit>().ToDictionary(s => s, s => manifest.InSplit(s).Select(u => u.Text).ToHashSet());
        foreach (var (a, b) in new[] { (CorpusSplit.Train, CorpusSplit.Dev), (CorpusSplit.Train, CorpusSplit.Test), (CorpusSplit.Dev, CorpusSplit.Test) })
        {
            Assert.Empty(speakers[a].Intersect(speakers[b]));
            Assert.Empty(texts[a].Intersect(texts[b]));
        }
        // festival's kal and flite's kal16 are one person, so they must share a split.
        var kalSplits = manifest.Utterances.Where(u => u.Speaker is "festival-kal" or "flite-kal16").Select(u => u.Split).Distinct();
        Assert.True(kalSplits.Count() <= 1);

        foreach (var u in manifest.Utterances)
        {
            Assert.Equal(Path.Combine(CorpusWriter.FolderOf(u.Split), u.Speaker, u.Id + ".wav"), u.AudioPath);
            var samples = WavDecoder.DecodeFile(Path.Combine(dir.Path, u.AudioPath), 8000);
            Assert.Equal(u.NumSamples, samples.Length);
            var phones = AlignmentFile.Read(Path.Combine(dir.Path, u.PhonePath));
            Assert.Equal(0, phones[0].StartSample);
            Assert.Equal(u.NumSamples, phones[^1].EndSample);
            Assert.NotEmpty(AlignmentFile.Read(Path.Combine(dir.Path, u.WordPath)));
            Assert.Equal(u.Text, File.ReadAllText(Path.Combine(dir.Path, Path.ChangeExtension(u.AudioPath, ".txt"))).Trim());
        }
    }

    [EngineFact(SynthesisEngine.Flite)]
    public void Build_SameSeed_SameCorpus()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var voices = new List<VoiceSpec> { new(SynthesisEngine.Flite, "kal16"), new(SynthesisEngine.Flite, "rms"), new(SynthesisEngine.Flite, "awb"), new(SynthesisEngine.Flite, "slt") };
        new SyntheticCorpusBuilder(Options(a.Path, 11) with { Voices = voices, TrainMinutes = 0.1, Jobs = 2 }).Build();
        new SyntheticCorpusBuilder(Options(b.Path, 11) with { Voices = voices, TrainMinutes = 0.1, Jobs = 1 }).Build();
        var ma = CorpusManifest.Load(a.Path);
        var mb = CorpusManifest.Load(b.Path);
        Assert.Equal(ma.Utterances, mb.Utterances);
        var first = ma.Utterances[0];
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, first.AudioPath)), File.ReadAllBytes(Path.Combine(b.Path, first.AudioPath)));
    }

    [Fact]
    public void Build_BadRate_FailsBeforeSynthesising()
    {
        using var dir = new TempDirectory();
        var options = Options(dir.Path, 1) with { Finishing = new FinishingOptions { SampleRate = 22050 } };
        var ex = Assert.Throws<ArgumentException>(() => new SyntheticCorpusBuilder(options).Build());
        Assert.Contains("22050", ex.Message);
    }

    [Fact]
    public void SentenceSource_KeepsCleanSentencesOf3To15Words()
    {
        const string fortunes = "A banker is a fellow who lends you his umbrella when the sun is shining.\n\t\t-- Mark Twain\n%\n" +
                                "Go!\n%\nThe 3 bears ate 40 pies.  It was lovely, he said.\n%\n" +
                                "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.\n%\n";
        var sentences = SentenceSource.ExtractSentences(fortunes).ToList();
        Assert.Equal(["A banker is a fellow who lends you his umbrella when the sun is shining.", "It was lovely, he said."], sentences);
    }

    [Fact]
    public void DigitStrings_AreDistinctDigitWords()
    {
        var strings = DigitStrings.Generate(50, seed: 4);
        Assert.Equal(50, strings.Distinct().Count());
        Assert.All(strings, s => Assert.InRange(s.Split(' ').Length, 3, 7));
        Assert.Equal(strings, DigitStrings.Generate(50, seed: 4));
    }
}
