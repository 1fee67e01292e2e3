namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>What one chunk produced: finals of utterances that ended (endpoint) in it, and the partial of the utterance now open.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.TranscriptUpdate")]
public sealed record TranscriptUpdate(
    [property: Id(0)] ImmutableArray<RecognitionResult> Finals,
    [property: Id(1)] string Partial);
