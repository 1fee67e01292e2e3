using System.Collections.Immutable;

namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// What a stream was opened with: the model family, its rate and serving version, the stream's own rate, and the words
/// of its phrase list that the pronunciation lexicon lacks and letter-to-sound rules pronounced (guessed).
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] string Family,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] int ModelSampleRate,
    [property: Id(3)] int StreamSampleRate)
{
    /// <summary>Phrase-list words pronounced by letter-to-sound rules because the lexicon lacks them (empty: none).</summary>
    [Id(4)]
    public ImmutableArray<string> GuessedWords { get; init; } = [];
}
