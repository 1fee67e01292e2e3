namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// One n-gram of a <see cref="BackoffNgramModel"/>: the log10 probability of its last word after the others, and the
/// log10 weight applied when a longer history ending in these words backs off to a shorter one (0 when it never does).
/// </summary>
public readonly record struct NgramEntry(double Log10Prob, double Log10Backoff);
