namespace AcousticDistill.Cli.Study;

/// <summary>
/// The figures a claim of the study is computed from, for one seed: each named row's test frame accuracy and word error
/// rate, either over the whole test split or over a bootstrap resample of its utterances (<paramref name="weights"/>:
/// how often each utterance was drawn). Accuracy on the specialists' classes and training speed exist only for the whole
/// split; a claim that needs them has no bootstrap interval.
/// </summary>
internal sealed class StudyFigures(IReadOnlyList<StudyRow> rows, IReadOnlyList<int> utteranceFrames, IReadOnlyList<int> utteranceWords,
    int[]? weights = null)
{
    public bool Resampled => weights is not null;

    public double Accuracy(string name)
    {
        var row = Row(name);
        if (weights is null)
        {
            return row.FrameAccuracy;
        }
        var counts = row.UtteranceCorrectFrames ?? throw new InvalidOperationException($"Row '{name}' has no per-utterance counts.");
        return Ratio(counts, utteranceFrames);
    }

    public double Wer(string name)
    {
        var row = Row(name);
        if (weights is null)
        {
            return row.Wer ?? double.NaN;
        }
        return row.UtteranceWordErrors is { } errors ? Ratio(errors, utteranceWords) : double.NaN;
    }

    public double CoveredAccuracy(string name) =>
        weights is null ? Row(name).CoveredFrameAccuracy ?? double.NaN : throw new NotSupportedException("no per-utterance covered counts");

    public double TrainingSpeed(string name) =>
        weights is null ? Row(name).TrainFramesPerSecond ?? double.NaN : throw new NotSupportedException("speed is not per utterance");

    public bool HasWer => rows.Any(r => r.Wer is not null);

    /// <summary>The row reported under <paramref name="name"/>: the dev-selected one where there is a grid.</summary>
    public StudyRow Row(string name) =>
        rows.FirstOrDefault(r => r.Name == name && r.Selected == true) ?? rows.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"The study has no row '{name}'.");

    private double Ratio(IReadOnlyList<int> numerators, IReadOnlyList<int> denominators)
    {
        double top = 0, bottom = 0;
        for (var u = 0; u < numerators.Count; u++)
        {
            top += weights![u] * (double)numerators[u];
            bottom += weights[u] * (double)denominators[u];
        }
        return bottom == 0 ? double.NaN : top / bottom;
    }
}
