namespace AcousticDistill.Acoustic.Alignment;

/// <summary>What a transcribed import wrote: utterances per split, files left out and why, included utterances and fit.</summary>
public sealed record TranscribedImportReport(
    IReadOnlyDictionary<CorpusSplit, int> Utterances,
    IReadOnlyList<string> Failed,
    int Included,
    double MeanLogScorePerFrame,
    double AudioSeconds);
