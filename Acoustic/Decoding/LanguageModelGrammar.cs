namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A language model turned into a word grammar, and the words left out of it because they have no pronunciation
/// (in ordinal order), for the caller to report.
/// </summary>
public sealed record LanguageModelGrammar(Grammar Grammar, IReadOnlyList<string> SkippedWords);
