using System.Globalization;

namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A back-off n-gram language model read from an ARPA file (the format of Kaldi, pocketsphinx, SRILM and KenLM), used up
/// to bigrams: unigram and bigram log probabilities and unigram back-off weights, converted from log10 to natural logs.
/// Higher orders in the file are read past and ignored (the bigram part stands as a model on its own).
/// Words are lower-cased; <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c> mark sentence start and end.
/// </summary>
public sealed class ArpaLanguageModel
{
    /// <summary>Sentence start token.</summary>
    public const string SentenceStart = "<s>";

    /// <summary>Sentence end token.</summary>
    public const string SentenceEnd = "</s>";

    private static readonly double s_ln10 = Math.Log(10);

    private ArpaLanguageModel(Dictionary<string, (float LogProb, float Backoff)> unigrams, Dictionary<(string, string), float> bigrams)
    {
        Unigrams = unigrams;
        Bigrams = bigrams;
    }

    /// <summary>Natural-log probability and back-off weight of each unigram.</summary>
    public IReadOnlyDictionary<string, (float LogProb, float Backoff)> Unigrams { get; }

    /// <summary>Natural-log probability of each bigram (history, word).</summary>
    public IReadOnlyDictionary<(string History, string Word), float> Bigrams { get; }

    /// <summary>Reads an ARPA file; a clear error naming the line for anything malformed.</summary>
    public static ArpaLanguageModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' does not exist.", path);
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses ARPA text; <paramref name="name"/> appears in error messages.</summary>
    public static ArpaLanguageModel Parse(TextReader reader, string name)
    {
        var unigrams = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        var bigrams = new Dictionary<(string, string), float>();
        var order = -1; // -1: before \data\, 0: in \data\, n: in the n-grams section
        var sawData = false;
        var sawEnd = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line == "\\data\\")
            {
                sawData = true;
                order = 0;
                continue;
            }
            if (line == "\\end\\")
            {
                sawEnd = true;
                break;
            }
            if (line.StartsWith('\\') && line.EndsWith("-grams:", StringComparison.Ordinal))
            {
                order = int.TryParse(line[1..line.IndexOf('-')], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new InvalidDataException($"{name}:{lineNumber}: bad section header '{line}'.");
                continue;
            }
            if (order <= 0 || order > 2)
            {
                continue; // the \data\ counts, text before \data\, and orders above 2
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < order + 1 || parts.Length > order + 2
                || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var log10Prob))
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected 'log10prob {order} word(s) [backoff]', got '{line}'.");
            }
            var backoff = 0f;
            if (parts.Length == order + 2 && !float.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out backoff))
            {
                throw new InvalidDataException($"{name}:{lineNumber}: the back-off weight '{parts[^1]}' is not a number.");
            }
            if (order == 1)
            {
                unigrams[parts[1].ToLowerInvariant()] = (Ln(log10Prob), Ln(backoff));
            }
            else
            {
                bigrams[(parts[1].ToLowerInvariant(), parts[2].ToLowerInvariant())] = Ln(log10Prob);
            }
        }
        if (!sawData || !sawEnd || unigrams.Count == 0)
        {
            throw new InvalidDataException($"{name} is not an ARPA language model (needs \\data\\, a \\1-grams: section and \\end\\).");
        }
        return new ArpaLanguageModel(unigrams, bigrams);
    }

    /// <summary>
    /// The bigram model as a word grammar: one node per history word (and <c>&lt;s&gt;</c>, the start) plus a back-off
    /// node; explicit bigrams are arcs between history nodes, each history reaches the back-off node through an empty
    /// arc with its back-off weight, and the back-off node has an arc for every unigram. Sentence-end probabilities are
    /// final weights. Weights are multiplied by <paramref name="lmWeight"/>.
    /// </summary>
    public Grammar ToGrammar(float lmWeight = 1f) => ToGrammar(lmWeight, _ => true).Grammar;

    /// <summary>
    /// The grammar of <see cref="ToGrammar(float)"/> without the words <paramref name="isKnown"/> rejects (those the
    /// pronunciation lexicon lacks): their unigram and bigram arcs and their history node are left out, so a large
    /// vocabulary does not stop decoding over one missing pronunciation. Their probability mass is dropped, not
    /// renormalised. The skipped words come back so the caller can warn; an <see cref="ArgumentException"/> when no
    /// word is left.
    /// </summary>
    public LanguageModelGrammar ToGrammar(float lmWeight, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(isKnown);
        if (!(lmWeight > 0) || !float.IsFinite(lmWeight))
        {
            throw new ArgumentException($"The language-model weight must be positive, got {lmWeight}.");
        }
        var vocabulary = Unigrams.Keys.Where(w => w is not SentenceStart and not SentenceEnd).Order(StringComparer.Ordinal).ToArray();
        var words = vocabulary.Where(isKnown).ToArray();
        var skipped = vocabulary.Except(words, StringComparer.Ordinal).ToArray();
        if (vocabulary.Length == 0)
        {
            throw new ArgumentException("The language model has no words besides <s> and </s>.");
        }
        if (words.Length == 0)
        {
            throw new ArgumentException($"None of the {vocabulary.Length} words of the language model has a pronunciation in the lexicon.");
        }
        var node = new Dictionary<string, int>(StringComparer.Ordinal) { [SentenceStart] = 0 };
        foreach (var word in words)
        {
            node[word] = node.Count;
        }
        var backoffNode = node.Count;
        var arcs = new List<GrammarArc>();
        var finals = new Dictionary<int, float>();
        var endUnigram = Unigrams.TryGetValue(SentenceEnd, out var end) ? end.LogProb : float.NegativeInfinity;
        foreach (var (history, index) in node)
        {
            var backoff = Unigrams.TryGetValue(history, out var u) ? u.Backoff : 0f;
            arcs.Add(new GrammarArc(index, backoffNode, null, lmWeight * backoff));
            var final = Bigrams.TryGetValue((history, SentenceEnd), out var p) ? p : backoff + endUnigram;
            if (float.IsFinite(final))
            {
                finals[index] = lmWeight * final;
            }
        }
        foreach (var ((history, word), logProb) in Bigrams)
        {
            if (node.TryGetValue(history, out var from) && node.TryGetValue(word, out var to) && word != SentenceStart)
            {
                arcs.Add(new GrammarArc(from, to, word, lmWeight * logProb));
            }
        }
        foreach (var word in words)
        {
            arcs.Add(new GrammarArc(backoffNode, node[word], word, lmWeight * Unigrams[word].LogProb));
        }
        return new LanguageModelGrammar(Grammar.Create(backoffNode + 1, arcs, finals), skipped);
    }

    private static float Ln(float log10) => (float)(log10 * s_ln10);
}
