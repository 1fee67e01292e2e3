using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// How big a <see cref="DecodingGraph"/> is or would be: bytes per state and per arc of its arrays, and a bound on the
/// states a grammar compiles to, cheap enough to refuse an oversized grammar before the build spends seconds on it.
/// </summary>
public static class DecodingGraphSize
{
    /// <summary>Bytes per state: class, phone, phone occurrence, final weight, accepting flag and arc offset.</summary>
    public const int BytesPerState = 4 + 4 + 4 + 4 + 1 + 4;

    /// <summary>Bytes per arc: from, to, weight, word and the starts-word flag.</summary>
    public const int BytesPerArc = 4 + 4 + 4 + 4 + 1;

    /// <summary>Bytes per word name beside its characters (string header, length, reference).</summary>
    public const int BytesPerWord = 32;

    /// <summary>
    /// At most how many states <paramref name="grammar"/> compiles to with <paramref name="lexicon"/>: a junction per
    /// grammar node, optional silence at each, and 3 states per phone of every pronunciation of every word arc (the
    /// build shares common word beginnings, so it usually makes fewer). Looks each word up once per arc, nothing more;
    /// <see cref="UnknownWordException"/> for a word the lexicon lacks, as the build would.
    /// </summary>
    public static long UpperBoundStates(Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        ArgumentNullException.ThrowIfNull(lexicon);
        var perNode = 1L + ((options ?? new DecodingGraphOptions()).OptionalSilence ? PhoneSet.StatesPerPhone : 0);
        var phones = new Dictionary<string, long>(StringComparer.Ordinal);
        var states = grammar.NodeCount * perNode;
        foreach (var arc in grammar.Arcs)
        {
            if (arc.Word is null)
            {
                continue;
            }
            if (!phones.TryGetValue(arc.Word, out var count))
            {
                count = lexicon.Lookup(arc.Word).Sum(p => (long)p.Phones.Count);
                phones[arc.Word] = count;
            }
            states += count * PhoneSet.StatesPerPhone;
        }
        return states;
    }
}
