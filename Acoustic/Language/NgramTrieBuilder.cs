namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Builds a <see cref="NgramLanguageModel"/> from n-grams in any order (as an ARPA file or another toolkit's binary
/// lists them). An n-gram whose prefix is not listed (which ARPA forbids but pruned models and CMU's binary trie contain)
/// gets that prefix added with the probability the lower orders give it and no back-off weight, so every n-gram is
/// reachable and no score changes.
/// </summary>
public sealed class NgramTrieBuilder
{
    /// <summary>Highest order the builder takes.</summary>
    public const int MaxOrder = 6;

    private readonly string[] _words;
    private readonly float[] _unigramProb;
    private readonly float[] _unigramBackoff;
    private readonly Pending[] _pending; // index n − 2 holds the n-grams

    /// <summary>A builder for a model of <paramref name="order"/> over <paramref name="words"/> (word id = index).</summary>
    public NgramTrieBuilder(IReadOnlyList<string> words, int order)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (order is < 1 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The n-gram order must be from 1 to {MaxOrder}.");
        }
        _words = words.ToArray();
        _unigramProb = new float[_words.Length];
        Array.Fill(_unigramProb, float.NaN);
        _unigramBackoff = new float[_words.Length];
        _pending = Enumerable.Range(2, order - 1).Select(n => new Pending(n)).ToArray();
        Order = order;
    }

    /// <summary>The order being built.</summary>
    public int Order { get; }

    /// <summary>Sets the natural-log probability and back-off weight of word <paramref name="word"/>.</summary>
    public void SetUnigram(int word, float logProb, float logBackoff)
    {
        _unigramProb[word] = logProb;
        _unigramBackoff[word] = logBackoff;
    }

    /// <summary>Adds an n-gram of two or more word ids, oldest first (back-off ignored at the highest order).</summary>
    public void Add(ReadOnlySpan<int> words, float logProb, float logBackoff)
    {
        if (words.Length < 2 || words.Length > Order)
        {
            throw new ArgumentException($"An n-gram of {words.Length} words does not fit a model of order {Order}.");
        }
        foreach (var w in words)
        {
            if ((uint)w >= (uint)_words.Length)
            {
                throw new InvalidDataException($"An n-gram refers to word id {w}, outside the vocabulary of {_words.Length}.");
            }
        }
        _pending[words.Length - 2].Add(words, logProb, logBackoff);
    }

    /// <summary>Builds the model; an <see cref="InvalidDataException"/> when a unigram was never given.</summary>
    public NgramLanguageModel Build()
    {
        var missing = Array.FindIndex(_unigramProb, float.IsNaN);
        if (missing >= 0)
        {
            throw new InvalidDataException($"The word '{_words[missing]}' has no unigram probability.");
        }
        AddMissingPrefixes();
        var levels = new NgramLevel[Order];
        levels[0] = new NgramLevel(null, _unigramProb, Order > 1 ? _unigramBackoff : null, null);
        for (var k = 1; k < Order; k++)
        {
            var lower = new NgramLanguageModel(_words, levels[..k]);
            var pending = _pending[k - 1];
            var count = pending.Count;
            var keys = new long[count];
            var order = new int[count];
            for (var i = 0; i < count; i++)
            {
                var words = pending.Words(i);
                var parent = lower.FindNgram(words[..^1]);
                keys[i] = ((long)parent << 32) | (uint)words[^1];
                order[i] = i;
                if (float.IsNaN(pending.Prob[i]))
                {
                    // An added prefix scores as backing off: its context's weight plus the shorter n-gram's score.
                    var context = words[..^1];
                    var contextNode = lower.FindNgram(context);
                    var weight = contextNode >= 0 ? levels[k - 1].LogBackoff![contextNode] : 0f;
                    pending.Prob[i] = weight + lower.LogProbability(context, words[^1]);
                }
            }
            Array.Sort(keys, order);
            var word = new int[count];
            var prob = new float[count];
            var backoff = k < Order - 1 ? new float[count] : null;
            var childStart = new int[levels[k - 1].Count + 1];
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && keys[i] == keys[i - 1])
                {
                    throw new InvalidDataException($"The {k + 1}-gram '{Describe(pending.Words(order[i]))}' is listed twice.");
                }
                word[i] = (int)(keys[i] & 0xFFFFFFFF);
                prob[i] = pending.Prob[order[i]];
                if (backoff is not null)
                {
                    backoff[i] = pending.Backoff[order[i]];
                }
                childStart[(int)(keys[i] >> 32) + 1]++;
            }
            for (var p = 0; p < levels[k - 1].Count; p++)
            {
                childStart[p + 1] += childStart[p];
            }
            var below = levels[k - 1];
            levels[k - 1] = new NgramLevel(below.Word, below.LogProb, below.LogBackoff, childStart);
            levels[k] = new NgramLevel(word, prob, backoff, null);
        }
        return new NgramLanguageModel(_words, levels);
    }

    // Top-down: every prefix of an n-gram must be an (n−1)-gram; absent ones are added with a probability to be filled
    // in from the lower orders (NaN until then) and back-off weight 0.
    private void AddMissingPrefixes()
    {
        for (var n = Order; n >= 3; n--)
        {
            var longer = _pending[n - 2];
            var shorter = _pending[n - 3];
            var known = new HashSet<NgramKey>(shorter.Count);
            for (var i = 0; i < shorter.Count; i++)
            {
                known.Add(NgramKey.Of(shorter.Words(i)));
            }
            for (var i = 0; i < longer.Count; i++)
            {
                var prefix = longer.Words(i)[..^1];
                if (known.Add(NgramKey.Of(prefix)))
                {
                    shorter.Add(prefix, float.NaN, 0f);
                }
            }
        }
    }

    private string Describe(ReadOnlySpan<int> words)
    {
        var names = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            names[i] = _words[words[i]];
        }
        return string.Join(' ', names);
    }

    // The n-grams of one order, flat.
    private sealed class Pending(int n)
    {
        private readonly List<int> _words = [];

        public List<float> Prob { get; } = [];

        public List<float> Backoff { get; } = [];

        public int Count => Prob.Count;

        public ReadOnlySpan<int> Words(int i) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_words).Slice(i * n, n);

        public void Add(ReadOnlySpan<int> words, float prob, float backoff)
        {
            _words.AddRange(words);
            Prob.Add(prob);
            Backoff.Add(backoff);
        }
    }

    // Up to MaxOrder − 1 word ids, unused slots −1.
    private readonly record struct NgramKey(int A, int B, int C, int D, int E)
    {
        public static NgramKey Of(ReadOnlySpan<int> w) => new(
            w[0], w.Length > 1 ? w[1] : -1, w.Length > 2 ? w[2] : -1, w.Length > 3 ? w[3] : -1, w.Length > 4 ? w[4] : -1);
    }
}
