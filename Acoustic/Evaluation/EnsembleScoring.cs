using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Specialists;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>Frame accuracy of a teaching ensemble's combined prediction: members voting, or a generalist refined by its specialists.</summary>
public static class EnsembleScoring
{
    /// <summary>Scores <paramref name="ensemble"/> (combined at T = 1) on labelled frames prepared for its members.</summary>
    public static FrameAccuracyReport Score(Ensemble ensemble, FrameDataset data, EnsembleCombination combination)
    {
        ensemble.Prepare(data.Features.device);
        var predicted = FramePredictor.PredictClasses(x => ensemble.LogProbabilities(x, 1.0, combination), data);
        return FrameAccuracyReport.FromPredictions(predicted, FramePredictor.LabelsOf(data), ensemble.Members[0].Architecture.Classes);
    }

    /// <summary>Scores <paramref name="teachers"/> (combined as <see cref="SpecialistSet.Scorer"/> combines them) on labelled frames prepared for the generalist.</summary>
    public static FrameAccuracyReport Score(SpecialistSet teachers, FrameDataset data, SpecialistCombinerOptions? options = null)
    {
        teachers.Prepare(data.Features.device);
        var predicted = FramePredictor.PredictClasses(teachers.Scorer(options), data);
        return FrameAccuracyReport.FromPredictions(predicted, FramePredictor.LabelsOf(data), teachers.Classes);
    }
}
