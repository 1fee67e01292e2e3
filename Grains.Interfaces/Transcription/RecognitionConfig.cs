namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// How a stream is to be recognised (Vosk's config message plus the model choice): the audio's sample rate, the
/// model family (null = chosen by sample rate), whether word times are wanted, and an optional phrase list that
/// replaces the family's default grammar (each phrase = one utterance; Vosk's <c>phrase_list</c> / grammar).
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.RecognitionConfig")]
public sealed record RecognitionConfig(
    [property: Id(0)] int SampleRate,
    [property: Id(1)] string? Family = null,
    [property: Id(2)] bool Words = false,
    [property: Id(3)] ImmutableArray<string> PhraseList = default);
