namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// One labelled span of an utterance, in samples at the corpus rate, end exclusive — a line of a
/// TIMIT-style <c>.phn</c> (label = phone of <see cref="Phones.PhoneSet"/>) or <c>.wrd</c> (label = word) file.
/// </summary>
public sealed record TimedSegment(long StartSample, long EndSample, string Label);
