namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A word-level finite-state grammar: nodes, word arcs between them with log weights, a start node and final nodes.
/// Build one with <see cref="WordLoop"/> (any sequence of the words), <see cref="PhraseList"/> (exactly one of the
/// phrases, e.g. a single digit) or <see cref="Transcript"/> (one known word sequence, for forced alignment).
/// Optional silence between words is added when the grammar is compiled (<see cref="DecodingGraphOptions"/>).
/// </summary>
public sealed class Grammar
{
    private Grammar(int nodeCount, IReadOnlyList<GrammarArc> arcs, IReadOnlyDictionary<int, float> finalWeights)
    {
        NodeCount = nodeCount;
        Arcs = arcs;
        FinalWeights = finalWeights;
        FinalNodes = finalWeights.Keys.ToHashSet();
    }

    /// <summary>
    /// A grammar of <paramref name="nodeCount"/> nodes (0 = start) from its arcs (a null word is an empty arc, e.g. a
    /// language model's back-off) and the log weights of ending in each final node.
    /// </summary>
    public static Grammar Create(int nodeCount, IReadOnlyList<GrammarArc> arcs, IReadOnlyDictionary<int, float> finalWeights)
    {
        if (nodeCount <= 0 || arcs.Any(a => a.From < 0 || a.From >= nodeCount || a.To < 0 || a.To >= nodeCount || !float.IsFinite(a.LogWeight)))
        {
            throw new ArgumentException("Grammar arcs must join nodes in [0, nodeCount) with finite weights.");
        }
        if (finalWeights.Count == 0 || finalWeights.Any(f => f.Key < 0 || f.Key >= nodeCount || !float.IsFinite(f.Value)))
        {
            throw new ArgumentException("A grammar needs at least one final node, with a finite weight.");
        }
        RequireWords(arcs.Where(a => a.Word is not null).Select(a => a.Word!).ToArray());
        return new Grammar(nodeCount, arcs, finalWeights);
    }

    /// <summary>Number of grammar nodes; node 0 is the start.</summary>
    public int NodeCount { get; }

    /// <summary>Word arcs.</summary>
    public IReadOnlyList<GrammarArc> Arcs { get; }

    /// <summary>Nodes where an utterance may end.</summary>
    public IReadOnlySet<int> FinalNodes { get; }

    /// <summary>Log weight of ending in each final node.</summary>
    public IReadOnlyDictionary<int, float> FinalWeights { get; }

    /// <summary>The distinct words the grammar uses.</summary>
    public IReadOnlyList<string> Words => Arcs.Where(a => a.Word is not null).Select(a => a.Word!).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Any sequence of <paramref name="words"/> (including none), each equally likely.</summary>
    public static Grammar WordLoop(IEnumerable<string> words)
    {
        var distinct = Normalize(words).Distinct(StringComparer.Ordinal).ToArray();
        RequireWords(distinct);
        var weight = (float)-Math.Log(distinct.Length);
        return new Grammar(1, distinct.Select(w => new GrammarArc(0, 0, w, weight)).ToArray(), new Dictionary<int, float> { [0] = 0f });
    }

    /// <summary>Exactly one of <paramref name="phrases"/> (each a space-separated word sequence), equally likely.</summary>
    public static Grammar PhraseList(IEnumerable<string> phrases)
    {
        var list = phrases.Select(p => Normalize(p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray())
                          .Where(p => p.Length > 0).ToArray();
        RequireWords(list.SelectMany(p => p).ToArray());
        var arcs = new List<GrammarArc>();
        var nodes = 2; // 0 = start, 1 = the shared final node
        var entry = (float)-Math.Log(list.Length);
        foreach (var phrase in list)
        {
            var from = 0;
            for (var i = 0; i < phrase.Length; i++)
            {
                var to = i == phrase.Length - 1 ? 1 : nodes++;
                arcs.Add(new GrammarArc(from, to, phrase[i], i == 0 ? entry : 0f));
                from = to;
            }
        }
        return new Grammar(nodes, arcs, new Dictionary<int, float> { [1] = 0f });
    }

    /// <summary>
    /// Any sequence of <paramref name="phrases"/> (including none), each phrase equally likely: a live stream's phrase
    /// list, where one utterance may hold several phrases in a row. A phrase of one word each is <see cref="WordLoop"/>.
    /// </summary>
    public static Grammar PhraseLoop(IEnumerable<string> phrases)
    {
        var list = phrases.Select(p => Normalize(p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray())
                          .Where(p => p.Length > 0).Select(p => string.Join(' ', p)).Distinct(StringComparer.Ordinal)
                          .Select(p => p.Split(' ')).ToArray();
        RequireWords(list.SelectMany(p => p).ToArray());
        var arcs = new List<GrammarArc>();
        var nodes = 1; // node 0 starts and ends every phrase
        var entry = (float)-Math.Log(list.Length);
        foreach (var phrase in list)
        {
            var from = 0;
            for (var i = 0; i < phrase.Length; i++)
            {
                var to = i == phrase.Length - 1 ? 0 : nodes++;
                arcs.Add(new GrammarArc(from, to, phrase[i], i == 0 ? entry : 0f));
                from = to;
            }
        }
        return new Grammar(nodes, arcs, new Dictionary<int, float> { [0] = 0f });
    }

    /// <summary>The one word sequence of <paramref name="text"/> (forced alignment).</summary>
    public static Grammar Transcript(string text)
    {
        var words = Normalize(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        RequireWords(words);
        var arcs = words.Select((w, i) => new GrammarArc(i, i + 1, w, 0f)).ToArray();
        return new Grammar(words.Length + 1, arcs, new Dictionary<int, float> { [words.Length] = 0f });
    }

    private static IEnumerable<string> Normalize(IEnumerable<string> words) =>
        words.Select(w => w.Trim().Trim('.', ',', '!', '?', ';', ':', '"').ToLowerInvariant()).Where(w => w.Length > 0);

    private static void RequireWords(IReadOnlyCollection<string> words)
    {
        if (words.Count == 0)
        {
            throw new ArgumentException("The grammar or transcript has no words.");
        }
    }
}

/// <summary>An arc of a <see cref="Grammar"/>: from node, to node, word (lower case; null for an empty arc) and its log weight.</summary>
public sealed record GrammarArc(int From, int To, string? Word, float LogWeight);
