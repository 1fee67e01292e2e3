using AcousticDistill.Cli.Study;

namespace AcousticDistill.Acoustic.Tests.Study;

/// <summary>The summary over seeds: means, the dev-selected row of a grid, and when a claim holds.</summary>
public sealed class StudySummaryTests
{
    private static readonly int[] s_frames = [100, 100, 100, 100];
    private static readonly int[] s_words = [5, 5, 5, 5];

    [Fact]
    public void Build_ClearEnsembleGainOnEverySeed_Holds()
    {
        // Teacher 60%, ensemble 63% on every utterance of every seed: a 3-point gain with no spread.
        var summary = Build(seed => Rows(baseline: 0.60 + 0.001 * seed, ensemble: 0.63 + 0.001 * seed));

        var claim = summary.Claims.Single(c => c.Claim == "ensemble_gain_points");
        Assert.Equal(3.0, claim.EffectMean, 6);
        Assert.True(claim.CiLow > 0 && claim.BootstrapCiLow > 0);
        Assert.True(claim.Holds);
        Assert.Equal(0.602, summary.Rows.Single(r => r.Name == "baseline").FrameAccuracyMean, 6);
    }

    [Fact]
    public void Build_GainThatFlipsSignAcrossSeeds_DoesNotHold()
    {
        var summary = Build(seed => Rows(baseline: 0.60, ensemble: seed == 2 ? 0.57 : 0.64));

        var claim = summary.Claims.Single(c => c.Claim == "ensemble_gain_points");
        Assert.True(claim.EffectMean > 1.5);
        Assert.True(claim.CiLow < 0);
        Assert.False(claim.Holds);
        Assert.Equal([4.0, -3.0, 4.0], claim.PerSeed.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Build_GridRow_ReportsTheDevSelectedCandidate()
    {
        var summary = Build(_ => Rows(baseline: 0.60, ensemble: 0.62));

        // Two "distilled" candidates: 0.58 (selected on dev) and 0.70 (not selected): the summary reports 0.58.
        Assert.Equal(0.58, summary.Rows.Single(r => r.Name == "distilled").FrameAccuracyMean, 6);
    }

    [Fact]
    public void Build_OneSeed_ClaimWithoutAnyInterval_DoesNotHold()
    {
        // Accuracy on the specialists' classes has no per-utterance counts, so one seed gives it no interval at all.
        var summary = Build(_ => Rows(baseline: 0.60, ensemble: 0.63, specialists: 0.65), seeds: [1]);

        var claim = summary.Claims.Single(c => c.Claim == "specialists_gain_on_covered_points");
        Assert.Equal(5.0, claim.EffectMean, 6);
        Assert.Null(claim.CiLow);
        Assert.False(claim.Holds);
    }

    [Fact]
    public void Build_EnsembleNoBetterThanItsTeacher_RecoveryIsUndefinedAndDoesNotHold()
    {
        // Ensemble 2 points below the teacher and the student 4 below: (−4)/(−2) must not read as a 200% recovery.
        var summary = Build(_ => Rows(baseline: 0.60, ensemble: 0.58, distilled: 0.56));

        var claim = summary.Claims.Single(c => c.Claim == "distilled_recovery_of_ensemble_gain");
        Assert.True(double.IsNaN(claim.EffectMean));
        Assert.False(claim.Holds);
    }

    private static StudySummary Build(Func<int, IReadOnlyList<StudyRow>> rows, int[]? seeds = null)
    {
        var bySeed = (seeds ?? [1, 2, 3]).ToDictionary(s => s, rows);
        var config = new StudyConfig("c", "c", 10, StudyScale.Tiny, [1, 2, 3], 0.05, 256, null, null, null, new StudyDecoding(), "test");
        return StudySummary.Build(config, 1.0, bySeed, s_frames, s_words);
    }

    private static List<StudyRow> Rows(double baseline, double ensemble, double distilled = 0.58, double? specialists = null)
    {
        var rows = new List<StudyRow>();
        foreach (var name in StudySummary.RowNames)
        {
            var accuracy = name switch
            {
                "ensemble" => ensemble,
                "generalist+specialists" => specialists ?? baseline,
                _ => baseline,
            };
            rows.Add(Row(name, accuracy));
        }
        rows.RemoveAll(r => r.Name == "distilled");
        rows.Add(Row("distilled", 0.70) with { Selected = false });
        rows.Add(Row("distilled", distilled) with { Selected = true });
        return rows;
    }

    private static StudyRow Row(string name, double accuracy) => new(
        name, accuracy, accuracy, 1000, 1000, TrainFramesPerSecond: 1000, CoveredFrameAccuracy: accuracy, Wer: 1 - accuracy,
        UtteranceCorrectFrames: s_frames.Select(f => (int)Math.Round(f * accuracy)).ToArray(),
        UtteranceWordErrors: s_words.Select(w => (int)Math.Round(w * (1 - accuracy))).ToArray());
}
