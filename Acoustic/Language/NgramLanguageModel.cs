namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// A back-off n-gram language model of any order held as a forward trie in flat arrays: the form a large model (CMU's
/// 72,547-word general English trigram has 3.8 M n-grams) takes in memory once per process and is shared by every
/// stream. Level 0 holds one unigram per word id; level k holds the (k+1)-grams, sorted by their parent (k-gram)
/// index and then by word, so the children of an n-gram are one contiguous, sorted range found by binary search.
/// Probabilities and back-off weights are natural logs. Immutable and thread-safe once built
/// (<see cref="NgramTrieBuilder"/>) or loaded (<see cref="CompactLanguageModelFile"/>).
/// </summary>
public sealed class NgramLanguageModel
{
    /// <summary>Sentence start token.</summary>
    public const string SentenceStart = "<s>";

    /// <summary>Sentence end token.</summary>
    public const string SentenceEnd = "</s>";

    private readonly Dictionary<string, int> _ids;
    private readonly NgramLevel[] _levels;

    internal NgramLanguageModel(string[] words, NgramLevel[] levels)
    {
        if (levels.Length == 0 || levels[0].Count != words.Length)
        {
            throw new InvalidDataException($"A language model needs one unigram per word: {words.Length} words, {(levels.Length == 0 ? 0 : levels[0].Count)} unigrams.");
        }
        Words = words;
        _levels = levels;
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (!_ids.TryAdd(words[i], i))
            {
                throw new InvalidDataException($"The word '{words[i]}' appears twice in the language model's vocabulary.");
            }
        }
        SentenceStartId = IdOf(SentenceStart);
        SentenceEndId = IdOf(SentenceEnd);
    }

    /// <summary>Highest n-gram order.</summary>
    public int Order => _levels.Length;

    /// <summary>The vocabulary; a word's id is its index.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Id of <c>&lt;s&gt;</c>, −1 when the model has none.</summary>
    public int SentenceStartId { get; }

    /// <summary>Id of <c>&lt;/s&gt;</c>, −1 when the model has none.</summary>
    public int SentenceEndId { get; }

    /// <summary>Number of n-grams of each order (index n − 1).</summary>
    public IReadOnlyList<int> Counts => _levels.Select(l => l.Count).ToArray();

    /// <summary>Bytes the arrays hold (what a silo pays for the model, once).</summary>
    public long SizeInBytes => _levels.Sum(l => l.SizeInBytes) + Words.Sum(w => 24L + 2L * w.Length);

    internal NgramLevel Level(int index) => _levels[index];

    /// <summary>The id of <paramref name="word"/>, or −1 outside the vocabulary.</summary>
    public int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// Natural-log probability of <paramref name="word"/> after <paramref name="context"/> (word ids, oldest first; only
    /// the last <see cref="Order"/> − 1 count), by the ARPA back-off rule: the longest listed n-gram ending in the word,
    /// plus the back-off weights of the longer contexts that were not followed by it.
    /// </summary>
    public float LogProbability(ReadOnlySpan<int> context, int word)
    {
        if ((uint)word >= (uint)Words.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(word), word, "Not a word id of this model.");
        }
        if (context.Length > Order - 1)
        {
            context = context[^(Order - 1)..];
        }
        var backoff = 0f;
        for (var start = 0; start <= context.Length; start++)
        {
            var suffix = context[start..];
            var node = FindNgram(suffix);
            if (node < 0)
            {
                continue; // an unlisted context has back-off weight 0
            }
            var next = FindChild(suffix.Length, node, word);
            if (next >= 0)
            {
                return backoff + _levels[suffix.Length].LogProb[next];
            }
            backoff += _levels[suffix.Length - 1].LogBackoff![node];
        }
        return backoff + _levels[0].LogProb[word];
    }

    /// <summary>
    /// The index of the n-gram <paramref name="words"/> (oldest first) in its level (n − 1), or −1 when it is not listed.
    /// For an empty span, −1 too: the empty context is not an n-gram.
    /// </summary>
    public int FindNgram(ReadOnlySpan<int> words)
    {
        if (words.Length == 0 || words.Length > Order)
        {
            return -1;
        }
        var node = words[0];
        if ((uint)node >= (uint)Words.Count)
        {
            return -1;
        }
        for (var k = 1; k < words.Length && node >= 0; k++)
        {
            node = FindChild(k, node, words[k]);
        }
        return node;
    }

    /// <summary>
    /// How many of the last words of <paramref name="context"/> can matter to the next word: the longest suffix, of at
    /// most <see cref="Order"/> − 1 words, that is a listed n-gram with listed continuations. A decoder that keeps only
    /// that many words keeps fewer distinct histories and loses nothing.
    /// </summary>
    public int UsefulContextLength(ReadOnlySpan<int> context)
    {
        if (context.Length > Order - 1)
        {
            context = context[^(Order - 1)..];
        }
        for (var start = 0; start < context.Length; start++)
        {
            var suffix = context[start..];
            var node = FindNgram(suffix);
            if (node >= 0 && _levels[suffix.Length - 1].HasChildren(node))
            {
                return suffix.Length;
            }
        }
        return 0;
    }

    // The child of n-gram `parent` (in level `parentLevel` − 1, i.e. of `parentLevel` words) ending in `word`, or −1.
    private int FindChild(int parentLevel, int parent, int word)
    {
        if (parentLevel >= Order)
        {
            return -1;
        }
        var from = _levels[parentLevel - 1];
        var (first, end) = (from.ChildStart![parent], from.ChildStart[parent + 1]);
        var found = Array.BinarySearch(_levels[parentLevel].Word!, first, end - first, word);
        return found >= 0 ? found : -1;
    }
}
