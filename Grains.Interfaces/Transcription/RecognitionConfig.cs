namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// How a stream is to be recognised (Vosk's config message plus the model choice): the audio's sample rate, the
/// model family (null = chosen by sample rate), whether word times are wanted, an optional phrase list that
/// replaces the family's default task (each phrase = one utterance; Vosk's <c>phrase_list</c> / grammar), and optional
/// word boosts for open vocabulary.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.RecognitionConfig")]
public sealed record RecognitionConfig(
    [property: Id(0)] int SampleRate,
    [property: Id(1)] string? Family = null,
    [property: Id(2)] bool Words = false,
    [property: Id(3)] ImmutableArray<string> PhraseList = default)
{
    /// <summary>
    /// Open vocabulary only: a log bonus per word of the general language model (positive raises it, negative lowers
    /// it), added to its language-model score; empty: none.
    /// </summary>
    [Id(4)]
    public ImmutableDictionary<string, float> Boost { get; init; } = ImmutableDictionary<string, float>.Empty;
}
