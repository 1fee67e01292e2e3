using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;

namespace AcousticDistill.Grains.Tests.Training;

public sealed class TrainedModelMetadataTests
{
    [Fact]
    public void Create_TrainedOnCorpus_CarriesCmvnLabelsLineageAndMetrics()
    {
        var features = new FbankOptions { NumMelBins = 3 };
        var split = new SplitFeatures(["u1"], [new float[] { 1, 2, 3, 3, 4, 5 }], [[0, 1]], 3, 0.02);
        using var data = PreparedCorpus.Create("c", split, null, features, context: 1);
        var architecture = new MlpArchitecture(3, 1, 1, 8, 0, PhoneSet.ClassCount);
        var report = new TrainingReport([], 1, 0.75, 1234, TimeSpan.FromSeconds(1));
        var lineage = ModelLineage.Baseline("c", 7);

        var metadata = TrainedModelMetadata.Create(data, architecture, report, "en-16k", lineage);

        metadata.Validate();
        Assert.Equal("en-16k", metadata.Family);
        Assert.Equal(data.Cmvn.Mean.ToArray(), metadata.CmvnMean);
        Assert.Equal(PhoneSet.Phones, metadata.Phones);
        Assert.Same(lineage, metadata.Lineage);
        Assert.Equal(0.75, metadata.Metrics[TrainedModelMetadata.DevFrameAccuracy]);
        Assert.Equal(1234, metadata.Metrics[TrainedModelMetadata.TrainFramesPerSecond]);
        Assert.Equal(architecture.ParameterCount, metadata.Metrics[TrainedModelMetadata.Parameters]);
        Assert.Equal(2, metadata.Priors!.Frames);
        Assert.Equal("c", metadata.Priors.Source);
        Assert.Equal(Math.Log(0.5), metadata.Priors.LogPriors[0], 2); // 118 unseen classes floored at 1e-5, then renormalised
    }
}
