namespace AcousticDistill.Cli.Study;

/// <summary>A model of the study over all its seeds, and the devices its seeds were computed on.</summary>
internal sealed record StudySummaryRow(
    string Name,
    double FrameAccuracyMean,
    double FrameAccuracySd,
    double? WerMean,
    double? WerSd,
    double? HeldOutFrameAccuracyMean,
    double? HeldOutFrameAccuracySd,
    long Parameters,
    long MacsPerFrame,
    int Seeds,
    IReadOnlyList<string> Devices);

/// <summary>
/// A claim over all seeds: its mean effect; a 95% interval from the paired differences across seeds (Student's t; the
/// bootstrap interval when there is one seed); beside it a bootstrap over test utterances (each resample's effect
/// averaged over seeds). <see cref="Holds"/> needs the mean to reach the threshold and, where the rule asks, both
/// intervals above zero.
/// </summary>
internal sealed record StudySummaryClaim(
    string Claim,
    string Rule,
    double Threshold,
    double EffectMean,
    double? CiLow,
    double? CiHigh,
    double? BootstrapCiLow,
    double? BootstrapCiHigh,
    bool Holds,
    IReadOnlyList<double> PerSeed);

/// <summary>The study's summary in the shape of <c>docs/results/study/full.json</c>.</summary>
internal sealed record StudySummary(
    string Scale,
    string Corpus,
    string? HeldOut,
    IReadOnlyList<int> Seeds,
    int Members,
    double TrainHours,
    IReadOnlyList<StudySummaryRow> Rows,
    IReadOnlyList<StudySummaryClaim> Claims)
{
    /// <summary>The rows the summary reports, in this order (grids report their dev-selected row).</summary>
    public static IReadOnlyList<string> RowNames { get; } =
    [
        "baseline", "ensemble", "distilled", "distilled-small", "baseline-small", "hard100", "hard3", "soft3",
        "generalist", "generalist+specialists", "distilled-from-specialists",
    ];

    public static StudySummary Build(StudyConfig config, double trainHours, IReadOnlyDictionary<int, IReadOnlyList<StudyRow>> bySeed,
        IReadOnlyList<int> utteranceFrames, IReadOnlyList<int> utteranceWords)
    {
        var seeds = bySeed.Keys.Order().ToArray();
        var figures = seeds.Select(s => new StudyFigures(bySeed[s], utteranceFrames, utteranceWords)).ToArray();
        var rows = RowNames.Select(name => SummaryRow(name, figures.Select(f => f.Row(name)).ToArray())).ToArray();
        var hasWer = figures.All(f => f.HasWer);
        var claims = StudyClaims.All.Where(c => hasWer || !c.NeedsWer)
            .Select(c => SummaryClaim(c, seeds.Select(s => bySeed[s]).ToArray(), utteranceFrames, utteranceWords)).ToArray();
        return new StudySummary(config.Scale.Name, config.CorpusName, config.HeldOutName, seeds, config.Scale.Members, trainHours, rows, claims);
    }

    private static StudySummaryRow SummaryRow(string name, IReadOnlyList<StudyRow> perSeed)
    {
        double[] Values(Func<StudyRow, double?> pick) => perSeed.Select(pick).OfType<double>().ToArray();
        var accuracy = Values(r => r.FrameAccuracy);
        var wer = Values(r => r.Wer);
        var heldOut = Values(r => r.HeldOutFrameAccuracy);
        return new StudySummaryRow(name,
            StudyStatistics.Mean(accuracy), StudyStatistics.StandardDeviation(accuracy),
            wer.Length == 0 ? null : StudyStatistics.Mean(wer), wer.Length == 0 ? null : StudyStatistics.StandardDeviation(wer),
            heldOut.Length == 0 ? null : StudyStatistics.Mean(heldOut), heldOut.Length == 0 ? null : StudyStatistics.StandardDeviation(heldOut),
            perSeed[0].Params, perSeed[0].InferenceMacsPerFrame, perSeed.Count,
            perSeed.Select(r => r.Device ?? "unrecorded").Distinct().Order().ToArray());
    }

    private static StudySummaryClaim SummaryClaim(StudyClaim claim, IReadOnlyList<IReadOnlyList<StudyRow>> seeds,
        IReadOnlyList<int> utteranceFrames, IReadOnlyList<int> utteranceWords)
    {
        var perSeed = seeds.Select(rows => claim.Effect(new StudyFigures(rows, utteranceFrames, utteranceWords))).ToArray();
        var mean = StudyStatistics.Mean(perSeed);
        var bootstrap = Bootstrap(claim, seeds, utteranceFrames, utteranceWords);
        var interval = StudyStatistics.TInterval(perSeed) ?? bootstrap;
        // No interval at all (one seed, a figure with no per-utterance counts) cannot show an effect above zero.
        var aboveZero = interval is { Low: > 0 } && (bootstrap is null || bootstrap.Value.Low > 0);
        var holds = !double.IsNaN(mean) && mean >= claim.Threshold && (!claim.NeedsIntervalAboveZero || aboveZero);
        return new StudySummaryClaim(claim.Name, claim.Rule, claim.Threshold, mean, interval?.Low, interval?.High,
            bootstrap?.Low, bootstrap?.High, holds, perSeed);
    }

    // Null where the claim rests on figures that exist only for the whole test split (specialists' classes, speed).
    private static (double Low, double High)? Bootstrap(StudyClaim claim, IReadOnlyList<IReadOnlyList<StudyRow>> seeds,
        IReadOnlyList<int> utteranceFrames, IReadOnlyList<int> utteranceWords)
    {
        try
        {
            return StudyStatistics.Bootstrap(utteranceFrames.Count, weights =>
                seeds.Average(rows => claim.Effect(new StudyFigures(rows, utteranceFrames, utteranceWords, weights))));
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
