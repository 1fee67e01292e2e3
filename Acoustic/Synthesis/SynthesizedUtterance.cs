namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// A finished utterance, ready to write: audio at the corpus rate with silence at both ends (and noise if asked),
/// phones of <see cref="Phones.PhoneSet"/> covering every sample, and words, all in samples at that rate.
/// </summary>
public sealed record SynthesizedUtterance(
    string Id,
    VoiceSpec Voice,
    string Text,
    float[] Samples,
    int SampleRate,
    IReadOnlyList<TimedSegment> Phones,
    IReadOnlyList<TimedSegment> Words,
    bool WordTimesKnown);
