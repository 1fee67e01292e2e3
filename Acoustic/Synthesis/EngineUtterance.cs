namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// What an engine gives back before any post-processing: audio at the engine's own rate, phone segments with
/// the engine's own phone names and word segments, both in samples at that rate.
/// <see cref="WordTimesKnown"/> is false when the engine names the words but not their times (flite); the
/// words then all carry the span of the speech.
/// </summary>
public sealed record EngineUtterance(
    SynthesisRequest Request,
    float[] Samples,
    int SampleRate,
    IReadOnlyList<TimedSegment> Phones,
    IReadOnlyList<TimedSegment> Words,
    bool WordTimesKnown);
