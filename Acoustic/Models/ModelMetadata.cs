using System.Text.Json.Serialization;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Everything besides the weights that is needed to use a model correctly: how its features are computed and
/// normalised, what its outputs mean, its shape, lineage and measured metrics. Travels inside the artifact.
/// <para><paramref name="ClassMap"/> is set only for specialist models (Hinton et al. 2015, §5): output i &lt; ClassMap.Count
/// is frame class ClassMap[i] and the last output is the dustbin (every other class). Ordinary models leave it null,
/// and it is then not written at all, so their files are unchanged and files written before it existed still load.</para>
/// <para><paramref name="Priors"/> are the class priors a decoder divides out of the posteriors, counted on the training
/// labels when the model is trained. Every model trained since artifact format 2 has them, except specialists (a class map
/// and dustbin; never decoded alone, so they carry none). Artifacts of format 1 have none: decoding refuses them until
/// <c>acoustic model upgrade</c> adds them.</para>
/// <para><paramref name="Decoding"/> holds the decoding settings chosen for the model on a dev set
/// (<c>acoustic model tune-decoding</c>): null until tuned, and then not written at all.
/// <paramref name="OpenVocabularyDecoding"/> holds those chosen for the lexicon-tree search with a large language model
/// (<c>tune-decoding --open-vocabulary</c>, the general English LM): a 72 k-word trigram wants another acoustic scale,
/// penalty and beam than a command grammar. Null until tuned, and then not written.</para>
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
    IReadOnlyDictionary<string, double> Metrics,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? ClassMap = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPriors? Priors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DecodingDefaults? Decoding = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DecodingDefaults? OpenVocabularyDecoding = null)
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
        if (ClassMap is not null)
        {
            ValidateClassMap(ClassMap);
            if (Priors is not null)
            {
                throw new InvalidDataException("A specialist (with a class map) carries no class priors: it is never decoded alone.");
            }
        }
        Priors?.Validate(Architecture.Classes);
        Decoding?.Validate();
        OpenVocabularyDecoding?.Validate();
    }

    private void ValidateClassMap(IReadOnlyList<int> classMap)
    {
        if (classMap.Count + 1 != Architecture.Classes)
        {
            throw new InvalidDataException(
                $"The class map names {classMap.Count} classes, so the model needs {classMap.Count + 1} outputs (with the dustbin), but it has {Architecture.Classes}.");
        }
        var classes = Phones.Count * StatesPerPhone;
        if (classMap.Any(c => c < 0 || c >= classes) || classMap.Distinct().Count() != classMap.Count)
        {
            throw new InvalidDataException($"The class map must name distinct classes in [0, {classes}); got [{string.Join(", ", classMap)}].");
        }
    }
}
