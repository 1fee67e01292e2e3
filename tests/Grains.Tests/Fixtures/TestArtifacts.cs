using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>
/// Tiny, untrained but valid model artifacts whose metadata says what a registry test needs: the family, the sample
/// rate and the dev frame accuracy the registry reads from the artifact. Each call gives new bytes (fresh weights).
/// </summary>
internal static class TestArtifacts
{
    public static byte[] Create(string family, double devFrameAccuracy, int sampleRate = 16000, string role = "baseline")
    {
        const int featureDim = 4;
        var architecture = new MlpArchitecture(featureDim, 0, 1, 4, 0.0, PhoneSet.ClassCount);
        var lineage = ModelLineage.Baseline("tones", 1) with { Role = role };
        var metadata = new ModelMetadata(family, architecture,
            new FbankOptions { SampleFrequency = sampleRate, NumMelBins = featureDim },
            new float[featureDim], Enumerable.Repeat(1f, featureDim).ToArray(), PhoneSet.Phones, PhoneSet.StatesPerPhone, lineage,
            new Dictionary<string, double> { [TrainedModelMetadata.DevFrameAccuracy] = devFrameAccuracy });
        using var model = new FrameClassifier(architecture);
        return ModelArtifact.Serialize(model, metadata);
    }
}
