namespace AcousticDistill.Acoustic.Corpus;

/// <summary>What a TIMIT import wrote and what it left out.</summary>
public sealed record TimitImportReport(
    IReadOnlyDictionary<CorpusSplit, int> Utterances,
    IReadOnlyDictionary<CorpusSplit, int> Speakers,
    int SkippedSaSentences,
    int DroppedForSharedText,
    int DroppedIncomplete);
