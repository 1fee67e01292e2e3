namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// A back-off n-gram language model as ARPA files hold it: for each order n, the n-grams seen in training with their
/// log10 probabilities and back-off weights. An n-gram not listed is scored by backing off: the weight of its history
/// plus the score of the n-gram one word shorter. Built by <see cref="NgramModelBuilder"/>, written by
/// <see cref="ArpaWriter"/>.
/// </summary>
public sealed class BackoffNgramModel
{
    internal BackoffNgramModel(IReadOnlyList<IReadOnlyDictionary<string, NgramEntry>> ngrams) => Ngrams = ngrams;

    /// <summary>Highest n-gram order (1 = unigrams only).</summary>
    public int Order => Ngrams.Count;

    /// <summary>
    /// The n-grams of each order (index n − 1), keyed by their words joined with single spaces (words never hold
    /// white space), e.g. <c>"&lt;s&gt; go"</c>.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, NgramEntry>> Ngrams { get; }

    /// <summary>The words of the model, <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c> included, in ordinal order.</summary>
    public IReadOnlyList<string> Vocabulary => Ngrams[0].Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Log10 probability of <paramref name="word"/> after <paramref name="history"/> (of which the last
    /// <see cref="Order"/> − 1 words count), by the ARPA back-off rule; −∞ for a word outside the vocabulary.
    /// </summary>
    public double Log10Probability(IReadOnlyList<string> history, string word)
    {
        var context = history.Skip(Math.Max(0, history.Count - (Order - 1))).ToArray();
        var backoff = 0.0;
        for (var start = 0; start <= context.Length; start++)
        {
            var words = context[start..];
            if (Ngrams[words.Length].TryGetValue(Key([.. words, word]), out var entry))
            {
                return backoff + entry.Log10Prob;
            }
            if (words.Length > 0 && Ngrams[words.Length - 1].TryGetValue(Key(words), out var historyEntry))
            {
                backoff += historyEntry.Log10Backoff;
            }
        }
        return double.NegativeInfinity;
    }

    internal static string Key(IEnumerable<string> words) => string.Join(' ', words);
}
