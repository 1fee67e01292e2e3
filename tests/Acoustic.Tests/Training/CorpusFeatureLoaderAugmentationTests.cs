namespace AcousticDistill.Acoustic.Tests.Training;

public sealed class CorpusFeatureLoaderAugmentationTests
{
    [Fact]
    public void Load_WithAugmentation_AppendsLabelledVersions_AndKeepsTheOriginals()
    {
        using var dir = new AcousticDistill.Acoustic.Tests.Corpus.TempDirectory();
        var random = new Random(3);
        var entries = new List<UtteranceEntry>();
        for (var u = 0; u < 3; u++)
        {
            var samples = Enumerable.Range(0, 8000 + (u * 400)).Select(_ => (float)(0.1 * ((2 * random.NextDouble()) - 1))).ToArray();
            TimedSegment[] phones = [new(0, 3000, "sil"), new(3000, 6000, "s"), new(6000, samples.Length, "sil")];
            entries.Add(CorpusWriter.Write(dir.Path, CorpusSplit.Train, "a", $"a{u}", samples, 8000, phones, [], "s"));
        }
        var manifest = new CorpusManifest("tiny", 8000, "test", entries);
        manifest.Save(dir.Path);
        var options = new FbankOptions { SampleFrequency = 8000, NumMelBins = 20 };
        var augmentation = new TrainingAugmentation { Speeds = [0.9, 1.1], Vtlp = new VtlpOptions { MaxWarp = 0.1, Copies = 1 } };

        var plain = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Train, options);
        var augmented = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Train, options, augmentation, threads: 2);

        Assert.Equal(12, augmented.Features.Count);
        Assert.Equal(["a0", "a1", "a2", "a0#speed0.9", "a1#speed0.9", "a2#speed0.9", "a0#speed1.1", "a1#speed1.1", "a2#speed1.1",
            "a0#vtlp1", "a1#vtlp1", "a2#vtlp1"], augmented.UtteranceIds);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(plain.Features[i], augmented.Features[i]);
            Assert.Equal(plain.Labels![i], augmented.Labels![i]);
            Assert.Equal(plain.Labels[i], augmented.Labels[9 + i]);
            Assert.NotEqual(plain.Features[i], augmented.Features[9 + i]);
            Assert.True(augmented.Features[3 + i].Length > plain.Features[i].Length);
            Assert.True(augmented.Features[6 + i].Length < plain.Features[i].Length);
        }
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(augmented.Features[i].Length / 20, augmented.Labels![i].Length);
        }
    }
}
