using AcousticDistill.Acoustic.Distillation;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>Frame accuracy of an ensemble's combined prediction.</summary>
public static class EnsembleScoring
{
    /// <summary>Scores <paramref name="ensemble"/> (combined at T = 1) on labelled frames prepared for its members.</summary>
    public static FrameAccuracyReport Score(Ensemble ensemble, FrameDataset data, EnsembleCombination combination)
    {
        ensemble.Prepare(data.Features.device);
        var predicted = FramePredictor.PredictClasses(x => ensemble.LogProbabilities(x, 1.0, combination), data);
        return FrameAccuracyReport.FromPredictions(predicted, FramePredictor.LabelsOf(data), ensemble.Members[0].Architecture.Classes);
    }
}
