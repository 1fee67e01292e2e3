namespace AcousticDistill.Acoustic.Tests.Models;

/// <summary>Small models and metadata for tests.</summary>
internal static class TestModels
{
    public static MlpArchitecture Tiny(int featureDim = 4, int context = 1, int classes = 6) =>
        new(featureDim, context, HiddenLayers: 2, HiddenWidth: 16, Dropout: 0.1, Classes: classes);

    public static ModelMetadata MetadataFor(MlpArchitecture architecture) => new(
        Family: "test-16k",
        Architecture: architecture,
        Features: new FbankOptions { NumMelBins = architecture.FeatureDim },
        CmvnMean: Enumerable.Range(0, architecture.FeatureDim).Select(i => (float)i).ToArray(),
        CmvnInvStd: Enumerable.Repeat(0.5f, architecture.FeatureDim).ToArray(),
        Phones: PhoneSet.Phones,
        StatesPerPhone: PhoneSet.StatesPerPhone,
        Lineage: ModelLineage.Baseline("unit-test", 7),
        Metrics: new Dictionary<string, double> { ["dev_frame_accuracy"] = 0.5 },
        Priors: PriorsFor(architecture.Classes));

    /// <summary>Unequal priors (class c counted c + 1 times), so a test can tell them from uniform ones.</summary>
    public static ClassPriors PriorsFor(int classes) =>
        ClassPriors.FromCounts(Enumerable.Range(1, classes).Select(c => (long)c).ToArray(), "unit-test");

    /// <summary>
    /// The artifact as format 1 wrote it (before priors moved into it): magic <c>ADMODEL1</c> and no priors in the
    /// metadata, with lengths and checksum rewritten.
    /// </summary>
    public static byte[] AsFormat1(FrameClassifier model, ModelMetadata metadata)
    {
        var bytes = ModelArtifact.Serialize(model, metadata with { Priors = null });
        "ADMODEL1"u8.CopyTo(bytes);
        var body = bytes.AsSpan(0, bytes.Length - 32);
        System.Security.Cryptography.SHA256.HashData(body, bytes.AsSpan(bytes.Length - 32));
        return bytes;
    }

    /// <summary>Saves a tiny untrained 16 kHz, 40-bin model (e.g. to feed it the wrong audio).</summary>
    public static void SaveTiny16k(string path)
    {
        var architecture = Tiny(featureDim: 40, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        ModelArtifact.Save(path, model, MetadataFor(architecture));
    }
}
