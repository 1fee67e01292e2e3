namespace AcousticDistill.Acoustic.Tests.Training;

/// <summary>The priors a model gets when it is trained are the priors counted on its corpus's train split.</summary>
public sealed class TrainingPriorsTests
{
    [Fact]
    public void TrainedModelMetadata_Priors_EqualThoseCountedOnTheCorpus()
    {
        using var dir = new TempDirectory();
        var manifest = TinyAlignedCorpus.Write(dir.Path, rate: 8000);
        var features = new FbankOptions { SampleFrequency = 8000, NumMelBins = 20 };
        var train = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Train, features);
        var dev = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Dev, features);
        using var data = PreparedCorpus.Create(manifest.Name, train, dev, features, context: 1);
        var architecture = new MlpArchitecture(20, 1, 1, 8, 0, PhoneSet.ClassCount);
        var report = new TrainingReport([], 1, 0.5, 100, TimeSpan.FromSeconds(1));

        var metadata = TrainedModelMetadata.Create(data, architecture, report, "en-8k", ModelLineage.Baseline(manifest.Name, 1));

        var expected = ClassPriors.FromCorpus(dir.Path, features, PhoneSet.ClassCount, [CorpusSplit.Train]);
        var priors = metadata.Priors;
        Assert.NotNull(priors);
        Assert.Equal(expected.LogPriors, priors.LogPriors);
        Assert.Equal(expected.Frames, priors.Frames);
        Assert.Equal(data.Train.Count, priors.Frames);
        Assert.Equal("tiny-aligned", priors.Source);
        metadata.Validate();
    }

    [Fact]
    public void TrainingPriors_SkipUnlabelledTransferFrames()
    {
        using var dir = new TempDirectory();
        var manifest = TinyAlignedCorpus.Write(dir.Path, rate: 8000);
        var features = new FbankOptions { SampleFrequency = 8000, NumMelBins = 20 };
        var train = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Train, features);
        var transfer = CorpusFeatureLoader.Load(dir.Path, manifest, CorpusSplit.Dev, features, withLabels: false);
        using var labelledOnly = PreparedCorpus.Create(manifest.Name, train, null, features, context: 1);
        using var withTransfer = PreparedCorpus.Create(manifest.Name, train.Concat(transfer), null, features, context: 1);

        var expected = TrainedModelMetadata.TrainingPriors(labelledOnly, PhoneSet.ClassCount);
        var priors = TrainedModelMetadata.TrainingPriors(withTransfer, PhoneSet.ClassCount);

        Assert.True(withTransfer.Train.Count > labelledOnly.Train.Count);
        Assert.Equal(expected.LogPriors, priors.LogPriors);
        Assert.Equal(labelledOnly.Train.Count, priors.Frames);
    }
}
