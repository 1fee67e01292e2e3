using AcousticDistill.Acoustic.Features;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Everything besides the weights that is needed to use a model correctly: how its features are computed and
/// normalised, what its outputs mean, its shape, lineage and measured metrics. Travels inside the artifact.
/// </summary>
public sealed record ModelMetadata(
    string Family,
    MlpArchitecture Architecture,
    FbankOptions Features,
    float[] CmvnMean,
    float[] CmvnInvStd,
    IReadOnlyList<string> Phones,
    int StatesPerPhone,
    ModelLineage Lineage,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Throws a clear error when the parts disagree with each other.</summary>
    public void Validate()
    {
        Architecture.Validate();
        if (CmvnMean.Length != Architecture.FeatureDim || CmvnInvStd.Length != Architecture.FeatureDim)
        {
            throw new InvalidDataException(
                $"CMVN has {CmvnMean.Length}/{CmvnInvStd.Length} dims but the model expects {Architecture.FeatureDim}.");
        }
        if (Features.NumMelBins != Architecture.FeatureDim)
        {
            throw new InvalidDataException(
                $"Features have {Features.NumMelBins} mel bins but the model expects {Architecture.FeatureDim}.");
        }
    }
}
