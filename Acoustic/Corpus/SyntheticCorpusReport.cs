namespace AcousticDistill.Acoustic.Corpus;

/// <summary>What one split of a synthetic corpus holds.</summary>
public sealed record SplitSummary(int Utterances, double Minutes, IReadOnlyList<string> Speakers, int Texts);

/// <summary>The outcome of building a synthetic corpus: per-split totals, dropped utterances and why, wall time.</summary>
public sealed record SyntheticCorpusReport(
    IReadOnlyDictionary<CorpusSplit, SplitSummary> Splits,
    int Dropped,
    IReadOnlyDictionary<string, int> DropReasons,
    double WallSeconds);
