namespace AcousticDistill.Cli.Study;

/// <summary>
/// One of the paper's claims as the study tests it: an effect computed per seed from <see cref="StudyFigures"/>, the
/// target it must reach, and whether the interval must lie above zero for the claim to hold.
/// </summary>
internal sealed record StudyClaim(string Name, string Rule, double Threshold, bool NeedsIntervalAboveZero, bool NeedsWer,
    Func<StudyFigures, double> Effect);

/// <summary>The claims of Hinton, Vinyals and Dean (2015) the study checks, with the targets of the issue that asked for it.</summary>
internal static class StudyClaims
{
    private static double Points(double fraction) => 100 * fraction;

    // Undefined (NaN: the claim cannot hold) when the ensemble gained nothing: there is no gain to recover, and a ratio
    // of two negative differences would read as a recovery.
    private static double Recovery(StudyFigures f, string student)
    {
        var gain = f.Accuracy("ensemble") - f.Accuracy("baseline");
        return gain > 0 ? (f.Accuracy(student) - f.Accuracy("baseline")) / gain : double.NaN;
    }

    public static IReadOnlyList<StudyClaim> All { get; } =
    [
        new("ensemble_gain_points", "ensemble − one teacher, test frame accuracy points: mean ≥ 1.5 and interval above 0", 1.5, true, false,
            f => Points(f.Accuracy("ensemble") - f.Accuracy("baseline"))),
        new("distilled_recovery_of_ensemble_gain", "(distilled − teacher) / (ensemble − teacher), teacher-size student: mean ≥ 0.8 and interval above 0", 0.8, true, false,
            f => Recovery(f, "distilled")),
        new("distilled_small_recovery_of_ensemble_gain", "(small student − teacher) / (ensemble − teacher): mean ≥ 0.5 and interval above 0", 0.5, true, false,
            f => Recovery(f, "distilled-small")),
        new("distilled_small_minus_baseline_small_points", "small student − the same size on hard labels: interval above 0", 0, true, false,
            f => Points(f.Accuracy("distilled-small") - f.Accuracy("baseline-small"))),
        new("soft3_minus_hard100_points", "3% of the data with soft targets − 100% with hard labels: mean ≥ −3 (within 3 points)", -3, false, false,
            f => Points(f.Accuracy("soft3") - f.Accuracy("hard100"))),
        new("soft3_minus_hard3_points", "3% with soft targets − 3% with hard labels: mean ≥ 5 and interval above 0", 5, true, false,
            f => Points(f.Accuracy("soft3") - f.Accuracy("hard3"))),
        new("specialists_gain_on_covered_points", "generalist+specialists − generalist on the frames of the classes they cover: interval above 0", 0, true, false,
            f => Points(f.CoveredAccuracy("generalist+specialists") - f.CoveredAccuracy("generalist"))),
        new("specialists_gain_overall_points", "generalist+specialists − generalist on all test frames: mean ≥ 0 (no loss)", 0, false, false,
            f => Points(f.Accuracy("generalist+specialists") - f.Accuracy("generalist"))),
        new("soft_training_speed_ratio", "training frames/s of the distilled teacher-size student ÷ the same network on hard labels: mean ≥ 0.8", 0.8, false, false,
            f => f.TrainingSpeed("distilled") / f.TrainingSpeed("baseline")),
        new("ensemble_wer_gain_points", "one teacher's WER − the ensemble's (AN4 test through the decoder): interval above 0", 0, true, true,
            f => Points(f.Wer("baseline") - f.Wer("ensemble"))),
        new("distilled_wer_gain_points", "one teacher's WER − the distilled teacher-size student's: interval above 0", 0, true, true,
            f => Points(f.Wer("baseline") - f.Wer("distilled"))),
        new("distilled_small_wer_gain_points", "small student on hard labels' WER − the distilled small student's: interval above 0", 0, true, true,
            f => Points(f.Wer("baseline-small") - f.Wer("distilled-small"))),
    ];
}
