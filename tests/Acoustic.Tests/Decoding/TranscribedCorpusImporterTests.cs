using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class TranscribedCorpusImporterTests
{
    private static ForcedAligner UntrainedAligner8k()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var metadata = TestModels.MetadataFor(architecture) with { Features = new FbankOptions { SampleFrequency = 8000, NumMelBins = 40 } };
        var artifact = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, metadata));
        return new ForcedAligner(new AcousticScorer(artifact), TestLexicon.Digits());
    }

    private static void WriteTone(string path, double seconds, int rate = 8000) =>
        WavWriter.WritePcm16(path, Enumerable.Range(0, (int)(seconds * rate)).Select(i => (float)(0.2 * Math.Sin(i * 0.3))).ToArray(), rate);

    [Fact]
    public void FromFsdd_ReadsDigitAndSpeakerFromTheName_AndRejectsOtherNames()
    {
        using var dir = new TempDirectory();
        WriteTone(Path.Combine(dir.Path, "7_alice_12.wav"), 0.3);
        WriteTone(Path.Combine(dir.Path, "0_bob_1.wav"), 0.3);

        var files = TranscribedFile.FromFsdd(dir.Path);

        Assert.Equal([("0_bob_1", "bob", "zero"), ("7_alice_12", "alice", "seven")], files.Select(f => (f.UtteranceId, f.Speaker, f.Text)));
        WriteTone(Path.Combine(dir.Path, "seven.wav"), 0.3);
        Assert.Contains("seven.wav", Assert.Throws<InvalidDataException>(() => TranscribedFile.FromFsdd(dir.Path)).Message);
    }

    [Fact]
    public void Import_AlignsWritesCorpusFilesAndSplitsBySpeaker_ReportsFilesTooShort()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        foreach (var (name, seconds) in new[] { ("1_ann_0", 0.5), ("2_ann_1", 0.6), ("3_ann_2", 0.5), ("4_ben_0", 0.5), ("9_cat_0", 0.5), ("8_cat_1", 0.02) })
        {
            WriteTone(Path.Combine(input.Path, name + ".wav"), seconds);
        }
        var options = new TranscribedImportOptions
        {
            OutputDirectory = output.Path,
            TestSpeakers = new HashSet<string> { "cat" },
            DevEvery = 2,
        };

        var report = new TranscribedCorpusImporter(UntrainedAligner8k(), 8000).Import(TranscribedFile.FromFsdd(input.Path), options);

        var failure = Assert.Single(report.Failed);
        Assert.Contains("8_cat_1.wav", failure);
        var manifest = CorpusManifest.Load(output.Path);
        Assert.Equal(8000, manifest.SampleRate);
        Assert.Equal(2, report.Utterances[CorpusSplit.Train]);
        Assert.Equal(2, report.Utterances[CorpusSplit.Dev]);
        Assert.Equal(["9_cat_0"], manifest.InSplit(CorpusSplit.Test).Select(u => u.Id));
        Assert.All(manifest.Utterances, u =>
        {
            var phones = AlignmentFile.Read(Path.Combine(output.Path, u.PhonePath));
            Assert.Equal(0, phones[0].StartSample);
            Assert.Equal(u.NumSamples, phones[^1].EndSample);
            // The written alignment labels every frame, so the corpus trains as it is.
            Assert.NotEmpty(FrameLabeler.Label(phones, u.NumSamples, 8000, 200, 80));
            Assert.Equal(u.Text, Assert.Single(AlignmentFile.Read(Path.Combine(output.Path, u.WordPath))).Label);
        });
    }

    [Fact]
    public void Import_IncludeCorpus_CopiesItsTrainAndDevButNotTest()
    {
        using var input = new TempDirectory();
        using var other = new TempDirectory();
        using var output = new TempDirectory();
        WriteTone(Path.Combine(input.Path, "5_ann_0.wav"), 0.5);
        var silence = new float[4000];
        var entries = new[] { CorpusSplit.Train, CorpusSplit.Dev, CorpusSplit.Test }.Select(split =>
            CorpusWriter.Write(other.Path, split, "synth", $"s-{split}", silence, 8000, [new TimedSegment(0, 4000, "sil")], [], "")).ToArray();
        new CorpusManifest("synthetic", 8000, "test", entries).Save(other.Path);

        var report = new TranscribedCorpusImporter(UntrainedAligner8k(), 8000).Import(TranscribedFile.FromFsdd(input.Path),
            new TranscribedImportOptions { OutputDirectory = output.Path, IncludeCorpus = other.Path });

        Assert.Equal(2, report.Included);
        var manifest = CorpusManifest.Load(output.Path);
        Assert.Equal(["5_ann_0", "s-Train", "s-Dev"], manifest.Utterances.Select(u => u.Id));
        Assert.All(manifest.Utterances, u => Assert.True(File.Exists(Path.Combine(output.Path, u.AudioPath))));
    }
}
