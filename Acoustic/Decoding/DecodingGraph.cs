using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A grammar compiled with a lexicon into HMM states: each phone is 3 left-to-right states with self-loops (frame
/// classes phone×3+state); the words leaving each grammar node share a lexicon prefix tree, so words with a common
/// beginning share states and the word's identity is known only on its word-end arc. Grammar nodes become
/// non-emitting junctions; optional silence (3 states of <c>sil</c>) hangs off every junction. Immutable: compile once
/// per grammar and share between streams.
/// </summary>
public sealed class DecodingGraph
{
    // Word arcs compiled between two looks at the cancellation token: a few hundred words take well under a millisecond.
    private const int CancellationCheckInterval = 256;

    private readonly int[] _arcStart;

    private DecodingGraph(GraphBuilder builder, IReadOnlyList<string> words, int start)
    {
        var nodeCount = builder.ClassIds.Count;
        ClassIds = builder.ClassIds.ToArray();
        PhoneIndices = builder.Phones.ToArray();
        PhoneInstances = builder.Instances.ToArray();
        FinalWeights = builder.FinalWeights.ToArray();
        Accepting = FinalWeights.Select(float.IsFinite).ToArray();
        StartNode = start;
        Words = words;
        // Arcs sorted by source node with a counting sort (stable: each node keeps its arcs in the order they were added).
        var arcs = builder.Arcs;
        _arcStart = new int[nodeCount + 1];
        foreach (var arc in arcs)
        {
            _arcStart[arc.From + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            _arcStart[i + 1] += _arcStart[i];
        }
        ArcFrom = new int[arcs.Count];
        ArcTo = new int[arcs.Count];
        ArcWeight = new float[arcs.Count];
        ArcWord = new int[arcs.Count];
        ArcStartsWord = new bool[arcs.Count];
        var next = _arcStart[..^1];
        foreach (var arc in arcs)
        {
            var slot = next[arc.From]++;
            ArcFrom[slot] = arc.From;
            ArcTo[slot] = arc.To;
            ArcWeight[slot] = arc.Weight;
            ArcWord[slot] = arc.Word;
            ArcStartsWord[slot] = arc.StartsWord;
        }
    }

    /// <summary>Number of nodes (emitting HMM states and non-emitting junctions).</summary>
    public int NodeCount => ClassIds.Length;

    /// <summary>Frame class of each node, or −1 for a non-emitting grammar junction.</summary>
    public int[] ClassIds { get; }

    /// <summary>Phone (index into <see cref="PhoneSet.Phones"/>) of each node, −1 for junctions.</summary>
    public int[] PhoneIndices { get; }

    /// <summary>Which phone occurrence of the graph a node belongs to (to cut alignments into phones), −1 for junctions.</summary>
    public int[] PhoneInstances { get; }

    /// <summary>Nodes where the utterance may end (final junctions and the silence after them).</summary>
    public bool[] Accepting { get; }

    /// <summary>Log weight of ending in each node (−∞ where it may not end).</summary>
    public float[] FinalWeights { get; }

    /// <summary>The start junction.</summary>
    public int StartNode { get; }

    /// <summary>Word names; arcs refer to them by index.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Source node of each arc (arcs are sorted by it).</summary>
    public int[] ArcFrom { get; }

    /// <summary>Target node of each arc.</summary>
    public int[] ArcTo { get; }

    /// <summary>Log weight of each arc (transition, grammar and penalties).</summary>
    public float[] ArcWeight { get; }

    /// <summary>Word index emitted by each arc (word-end arcs), else −1.</summary>
    public int[] ArcWord { get; }

    /// <summary>The grammar's words whose pronunciations the lexicon guessed (letter-to-sound) rather than looked up.</summary>
    public IReadOnlyList<string> GuessedWords { get; private init; } = [];

    /// <summary>True when some junction has an empty arc to another junction (a language model's back-off).</summary>
    public bool HasEmptyArcs { get; private init; }

    /// <summary>True for arcs that enter the first state of a word.</summary>
    public bool[] ArcStartsWord { get; }

    /// <summary>Arcs leaving <paramref name="node"/>: indices [first, end).</summary>
    public (int First, int End) ArcsOf(int node) => (_arcStart[node], _arcStart[node + 1]);

    /// <summary>True for non-emitting junction nodes.</summary>
    public bool IsJunction(int node) => ClassIds[node] < 0;

    /// <summary>
    /// Memory the graph holds, in bytes (its arrays and word names; object headers left out): what a cache of graphs
    /// weighs it by.
    /// </summary>
    public long EstimatedBytes =>
        (long)NodeCount * DecodingGraphSize.BytesPerState + (long)ArcFrom.Length * DecodingGraphSize.BytesPerArc
        + Words.Sum(w => DecodingGraphSize.BytesPerWord + 2L * w.Length);

    /// <summary>
    /// Compiles <paramref name="grammar"/>; every word must be in <paramref name="lexicon"/> (else
    /// <see cref="UnknownWordException"/>). Large grammars (a long phrase list) take seconds: the build checks
    /// <paramref name="cancellationToken"/> every few hundred words and stops with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static DecodingGraph Build(Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        ArgumentNullException.ThrowIfNull(lexicon);
        options ??= new DecodingGraphOptions();
        options.Validate();
        var words = grammar.Words;
        var wordIndex = words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var pronunciations = words.ToDictionary(w => w, lexicon.Lookup, StringComparer.Ordinal);

        var b = new GraphBuilder(options);
        var junctions = Enumerable.Range(0, grammar.NodeCount).Select(g => b.AddJunction(FinalWeightOf(grammar, g))).ToArray();
        foreach (var arc in grammar.Arcs.Where(a => a.Word is null))
        {
            b.Arc(junctions[arc.From], junctions[arc.To], arc.LogWeight, -1, false);
        }
        // Word arcs grouped by their source node once: finding each node's arcs by a scan of all arcs made the build
        // quadratic in the grammar's size (a 10,000-word phrase list has 9,000 nodes and 10,000 arcs).
        var wordArcsFrom = new List<GrammarArc>?[grammar.NodeCount];
        foreach (var arc in grammar.Arcs.Where(a => a.Word is not null))
        {
            (wordArcsFrom[arc.From] ??= []).Add(arc);
        }
        var sinceCheck = 0;
        for (var g = 0; g < grammar.NodeCount; g++)
        {
            var entries = new List<int> { junctions[g] };
            if (options.OptionalSilence)
            {
                var (first, last) = b.AddPhone(0, FinalWeightOf(grammar, g));
                b.Arc(junctions[g], first, options.SilenceLogPenalty, -1, false);
                // Long pauses may cycle through the silence states again (as Kaldi's silence topology allows).
                b.Arc(last, first, b.Forward, -1, false);
                entries.Add(last);
            }
            var trie = new Dictionary<(int Parent, int Phone), (int First, int Last)>();
            foreach (var arc in wordArcsFrom[g] ?? [])
            {
                if (++sinceCheck == CancellationCheckInterval)
                {
                    sinceCheck = 0;
                    cancellationToken.ThrowIfCancellationRequested();
                }
                foreach (var pronunciation in pronunciations[arc.Word!])
                {
                    var parentLast = -1;
                    foreach (var phone in pronunciation.Phones)
                    {
                        if (!trie.TryGetValue((parentLast, phone), out var states))
                        {
                            states = b.AddPhone(phone, float.NegativeInfinity);
                            trie[(parentLast, phone)] = states;
                            if (parentLast < 0)
                            {
                                foreach (var entry in entries)
                                {
                                    b.Arc(entry, states.First, b.IsJunction(entry) ? 0f : b.Forward, -1, true);
                                }
                            }
                            else
                            {
                                b.Arc(parentLast, states.First, b.Forward, -1, false);
                            }
                        }
                        parentLast = states.Last;
                    }
                    b.Arc(parentLast, junctions[arc.To], b.Forward + arc.LogWeight + options.WordInsertionLogPenalty, wordIndex[arc.Word!], false);
                }
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var guessed = lexicon.GuessedWords.Count == 0 ? [] : words.Where(lexicon.GuessedWords.Contains).Order(StringComparer.Ordinal).ToArray();
        return new DecodingGraph(b, words, junctions[0]) { HasEmptyArcs = grammar.Arcs.Any(a => a.Word is null), GuessedWords = guessed };
    }

    private static float FinalWeightOf(Grammar grammar, int node) =>
        grammar.FinalWeights.TryGetValue(node, out var weight) ? weight : float.NegativeInfinity;

    private sealed class GraphBuilder(DecodingGraphOptions options)
    {
        public List<int> ClassIds { get; } = [];
        public List<int> Phones { get; } = [];
        public List<int> Instances { get; } = [];
        public List<float> FinalWeights { get; } = [];
        public List<(int From, int To, float Weight, int Word, bool StartsWord)> Arcs { get; } = [];
        public float Forward { get; } = (float)Math.Log(1 - options.SelfLoopProbability);
        private readonly float _selfLoop = (float)Math.Log(options.SelfLoopProbability);
        private int _instances;

        public bool IsJunction(int node) => ClassIds[node] < 0;

        public int AddJunction(float finalWeight) => AddNode(-1, -1, -1, finalWeight);

        public (int First, int Last) AddPhone(int phone, float finalWeight)
        {
            var instance = _instances++;
            var first = -1;
            var previous = -1;
            for (var state = 0; state < PhoneSet.StatesPerPhone; state++)
            {
                var node = AddNode(PhoneSet.ClassOf(phone, state), phone, instance, finalWeight);
                Arc(node, node, _selfLoop, -1, false);
                if (previous >= 0)
                {
                    Arc(previous, node, Forward, -1, false);
                }
                first = first < 0 ? node : first;
                previous = node;
            }
            return (first, previous);
        }

        public void Arc(int from, int to, float weight, int word, bool startsWord) => Arcs.Add((from, to, weight, word, startsWord));

        private int AddNode(int classId, int phone, int instance, float finalWeight)
        {
            ClassIds.Add(classId);
            Phones.Add(phone);
            Instances.Add(instance);
            FinalWeights.Add(finalWeight);
            return ClassIds.Count - 1;
        }
    }
}
