using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Estimates a back-off n-gram model (order 1 to 3) from sentences with interpolated Witten-Bell smoothing, the
/// smoothing SRILM calls <c>-wbdiscount -interpolate</c>: it needs no discount constants, so it behaves on the small
/// corpora of command tasks (AN4 has under a thousand training sentences), where count-of-counts estimates for
/// Kneser-Ney discounts are unreliable.
/// <para>
/// Each sentence is read as <c>&lt;s&gt; w1 … wk &lt;/s&gt;</c>. Unigrams are maximum likelihood over every word and
/// <c>&lt;/s&gt;</c>; <c>&lt;s&gt;</c> is never predicted and gets log10 probability −99 by ARPA convention. For a
/// history h seen c(h) times followed by T(h) distinct words,
/// P(w | h) = (c(h, w) + T(h)·P(w | h′)) / (c(h) + T(h)), with h′ the history less its first word. Written in back-off
/// form, the seen n-grams list that value and h carries the back-off weight T(h) / (c(h) + T(h)), so the unseen words
/// get exactly their interpolated share and each history's probabilities sum to 1.
/// </para>
/// </summary>
public static class NgramModelBuilder
{
    /// <summary>Lowest order built.</summary>
    public const int MinOrder = 1;

    /// <summary>Highest order built.</summary>
    public const int MaxOrder = 3;

    /// <summary>Log10 probability of <c>&lt;s&gt;</c>, which is never predicted (the ARPA convention).</summary>
    public const double SentenceStartLog10Prob = -99;

    /// <summary>
    /// The model of <paramref name="sentences"/> (words; lower-cased here) up to <paramref name="order"/>; an
    /// <see cref="ArgumentException"/> for an order outside [<see cref="MinOrder"/>, <see cref="MaxOrder"/>] or no words.
    /// </summary>
    public static BackoffNgramModel Build(IEnumerable<IReadOnlyList<string>> sentences, int order)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (order is < MinOrder or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The n-gram order must be from {MinOrder} to {MaxOrder}; got {order}.");
        }
        var counts = Count(sentences, order);
        if (counts[0].Count == 0)
        {
            throw new ArgumentException("There are no sentences with words to build a language model from.", nameof(sentences));
        }
        var total = (double)counts[0].Values.Sum();
        var unigrams = counts[0].ToDictionary(kv => kv.Key, kv => new NgramEntry(Math.Log10(kv.Value / total), 0), StringComparer.Ordinal);
        unigrams[ArpaLanguageModel.SentenceStart] = new NgramEntry(SentenceStartLog10Prob, 0);
        var levels = new List<Dictionary<string, NgramEntry>> { unigrams };
        for (var n = 2; n <= order; n++)
        {
            levels.Add(Interpolate(counts[n - 1], levels[n - 2]));
        }
        return new BackoffNgramModel(levels);
    }

    // Fills in the n-grams of one order from their counts and the finished order below, and sets the back-off weight
    // of every history on that lower order.
    private static Dictionary<string, NgramEntry> Interpolate(Dictionary<string, long> counts, Dictionary<string, NgramEntry> lower)
    {
        var histories = new Dictionary<string, (long Count, int Types)>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            var history = key[..key.LastIndexOf(' ')];
            var (seen, types) = histories.GetValueOrDefault(history);
            histories[history] = (seen + count, types + 1);
        }
        var level = new Dictionary<string, NgramEntry>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            var (seen, types) = histories[key[..key.LastIndexOf(' ')]];
            var shorter = Math.Pow(10, lower[key[(key.IndexOf(' ') + 1)..]].Log10Prob);
            level[key] = new NgramEntry(Math.Log10((count + types * shorter) / (seen + types)), 0);
        }
        foreach (var (history, (seen, types)) in histories)
        {
            lower[history] = lower[history] with { Log10Backoff = Math.Log10((double)types / (seen + types)) };
        }
        return level;
    }

    // Counts of every n-gram up to the order (index n − 1) in the padded sentences, keyed by words joined with spaces.
    private static List<Dictionary<string, long>> Count(IEnumerable<IReadOnlyList<string>> sentences, int order)
    {
        var counts = Enumerable.Range(0, order).Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToList();
        foreach (var sentence in sentences)
        {
            var words = sentence.Select(w => w.ToLowerInvariant())
                                .Where(w => w is not ArpaLanguageModel.SentenceStart and not ArpaLanguageModel.SentenceEnd)
                                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }
            string[] tokens = [ArpaLanguageModel.SentenceStart, .. words, ArpaLanguageModel.SentenceEnd];
            for (var end = 1; end < tokens.Length; end++)
            {
                for (var n = 1; n <= order && n <= end + 1; n++)
                {
                    var key = BackoffNgramModel.Key(tokens[(end - n + 1)..(end + 1)]);
                    counts[n - 1][key] = counts[n - 1].GetValueOrDefault(key) + 1;
                }
            }
        }
        return counts;
    }
}
