namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>A final result of one utterance: its text, its words with times (seconds from stream start) and the model that decoded it.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.RecognitionResult")]
public sealed record RecognitionResult(
    [property: Id(0)] string Text,
    [property: Id(1)] ImmutableArray<WordTiming> Words,
    [property: Id(2)] string ModelVersion);

/// <summary>One recognised word: start and end in seconds from the start of the stream, confidence in [0, 1].</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.WordTiming")]
public sealed record WordTiming(
    [property: Id(0)] string Word,
    [property: Id(1)] double Start,
    [property: Id(2)] double End,
    [property: Id(3)] double Confidence);
