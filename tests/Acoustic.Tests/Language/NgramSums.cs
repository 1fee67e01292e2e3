using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Tests.Language;

/// <summary>Total probability a model gives the words that may follow a history (every word and &lt;/s&gt;, never &lt;s&gt;).</summary>
internal static class NgramSums
{
    public static double Of(BackoffNgramModel model, params string[] history) =>
        model.Vocabulary.Where(w => w != ArpaLanguageModel.SentenceStart)
                        .Sum(w => Math.Pow(10, model.Log10Probability(history, w)));

    /// <summary>The same sum on a model read back by <see cref="ArpaLanguageModel"/> (bigram back-off, natural logs).</summary>
    public static double Of(ArpaLanguageModel lm, string history)
    {
        var backoff = history.Length == 0 ? 0 : lm.Unigrams[history].Backoff;
        return lm.Unigrams.Where(u => u.Key != ArpaLanguageModel.SentenceStart).Sum(u =>
            Math.Exp(history.Length > 0 && lm.Bigrams.TryGetValue((history, u.Key), out var p) ? p : backoff + u.Value.LogProb));
    }
}
