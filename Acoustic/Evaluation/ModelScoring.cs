using TorchSharp;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>Scores a saved model on a corpus split, feeding it exactly as its metadata says (features, CMVN, context).</summary>
public static class ModelScoring
{
    /// <summary>Packs a split for <paramref name="metadata"/>'s model: its CMVN applied, its context spliced.</summary>
    public static FrameDataset Prepare(ModelMetadata metadata, SplitFeatures split)
    {
        var cmvn = new Cmvn(metadata.CmvnMean, metadata.CmvnInvStd);
        return PreparedCorpus.Normalize(split, cmvn, metadata.Architecture.Context);
    }

    /// <summary>Frame accuracy report of one model on labelled frames prepared for it.</summary>
    public static FrameAccuracyReport Score(FrameClassifier model, FrameDataset data)
    {
        model.to(data.Features.device);
        model.eval();
        var predicted = FramePredictor.PredictClasses(model.forward, data);
        return FrameAccuracyReport.FromPredictions(predicted, FramePredictor.LabelsOf(data), model.Architecture.Classes);
    }
}
