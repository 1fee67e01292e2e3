using AcousticDistill.Gateway.Hosting;

namespace AcousticDistill.Gateway.Streaming;

/// <summary>
/// Checks a phrase list against <see cref="StreamLimits"/> before any work: the session grain builds a grammar from the
/// list, and an unbounded list (hundreds of kilobytes) keeps it busy for tens of seconds.
/// </summary>
public static class PhraseListLimit
{
    /// <summary>Error code of a refused phrase list, in REST problem details and stream error messages.</summary>
    public const string Code = "phrase_list_too_large";

    /// <summary>Null when <paramref name="phrases"/> is within the limits; otherwise a message naming the limit exceeded.</summary>
    public static string? Check(IReadOnlyList<string> phrases, StreamLimits limits)
    {
        if (phrases.Count > limits.MaxPhrases)
        {
            return $"The phrase list has {phrases.Count} phrases; the limit is {limits.MaxPhrases} (Gateway:Limits:MaxPhrases).";
        }
        var total = 0;
        for (var i = 0; i < phrases.Count; i++)
        {
            var words = phrases[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (words > limits.MaxWordsPerPhrase)
            {
                return $"Phrase {i + 1} of the phrase list has {words} words; the limit is {limits.MaxWordsPerPhrase} (Gateway:Limits:MaxWordsPerPhrase).";
            }
            total += words;
        }
        return total > limits.MaxPhraseListWords
            ? $"The phrase list has {total} words; the limit is {limits.MaxPhraseListWords} (Gateway:Limits:MaxPhraseListWords)."
            : null;
    }

    /// <summary>Null when <paramref name="boost"/> holds at most <see cref="StreamLimits.MaxBoostWords"/> words; otherwise the message.</summary>
    public static string? CheckBoost(IReadOnlyDictionary<string, float> boost, StreamLimits limits) =>
        boost.Count > limits.MaxBoostWords
            ? $"boost has {boost.Count} words; the limit is {limits.MaxBoostWords} (Gateway:Limits:MaxBoostWords)."
            : null;
}
