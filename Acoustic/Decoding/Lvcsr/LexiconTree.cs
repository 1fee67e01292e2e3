using AcousticDistill.Acoustic.Language;
using AcousticDistill.Acoustic.Lexicon;
using AcousticDistill.Acoustic.Phones;

namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// The pronunciations of a language model's words as one phone prefix tree, built once per (language model, lexicon)
/// and shared by every stream: words that begin alike share their first phones, so the search pays for a phone once
/// however many of the 72 k words start with it. Each tree node is one phone with <see cref="PhoneSet.StatesPerPhone"/>
/// left-to-right states; a word's identity is known only where its pronunciation ends (<see cref="WordsAt"/>). Each
/// node carries its unigram look-ahead: the best unigram log probability of any word ending at or below it, which the
/// search adds while a word is still undecided so that likely words are not pruned before their end (the LM
/// look-ahead of Ney and Ortmanns, in its unigram form). Arrays only; immutable.
/// </summary>
public sealed class LexiconTree
{
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly int[] _wordStart;
    private readonly int[] _words;
    private readonly Dictionary<int, int[]> _wordEnds;

    private LexiconTree(NgramLanguageModel lm, List<int> phones, List<List<int>> children, List<List<int>> words, IReadOnlyList<string> skipped)
    {
        LanguageModel = lm;
        var count = phones.Count;
        NodePhone = phones.ToArray();
        _childStart = new int[count + 1];
        _wordStart = new int[count + 1];
        for (var n = 0; n < count; n++)
        {
            _childStart[n + 1] = _childStart[n] + children[n].Count;
            _wordStart[n + 1] = _wordStart[n] + words[n].Count;
        }
        _children = children.SelectMany(c => c).ToArray();
        _words = words.SelectMany(w => w).ToArray();
        NodeParent = new int[count];
        NodeParent[Root] = -1;
        for (var n = 0; n < count; n++)
        {
            foreach (var c in children[n])
            {
                NodeParent[c] = n;
            }
        }
        // Each word's end nodes (one per distinct pronunciation), for the bigram look-ahead's walk up the tree.
        var endsOf = new Dictionary<int, List<int>>();
        for (var n = 0; n < count; n++)
        {
            foreach (var w in words[n])
            {
                (endsOf.TryGetValue(w, out var list) ? list : endsOf[w] = []).Add(n);
            }
        }
        _wordEnds = endsOf.ToDictionary(e => e.Key, e => e.Value.ToArray());
        BigramLookAhead = new BigramLookAhead(this);
        SkippedWords = skipped;
        StateClass = new int[count * PhoneSet.StatesPerPhone];
        for (var n = 0; n < count; n++)
        {
            for (var k = 0; k < PhoneSet.StatesPerPhone; k++)
            {
                StateClass[n * PhoneSet.StatesPerPhone + k] = PhoneSet.ClassOf(NodePhone[n], k);
            }
        }
        LookAhead = new float[count];
        // Children always have higher indices than their parents (nodes are added as they are reached), so one pass
        // from the end fills every node's best with its subtree's.
        Array.Fill(LookAhead, float.NegativeInfinity);
        for (var n = count - 1; n >= 0; n--)
        {
            foreach (var w in WordsAt(n))
            {
                LookAhead[n] = Math.Max(LookAhead[n], lm.Level(0).LogProb[w]);
            }
            foreach (var c in ChildrenOf(n))
            {
                LookAhead[n] = Math.Max(LookAhead[n], LookAhead[c]);
            }
        }
    }

    /// <summary>Node 0, the root: a placeholder without states whose children are every word's first phone.</summary>
    public const int Root = 0;

    /// <summary>The language model whose words the tree holds (word ids are its ids).</summary>
    public NgramLanguageModel LanguageModel { get; }

    /// <summary>Number of nodes, the root included.</summary>
    public int NodeCount => NodePhone.Length;

    /// <summary>Phone (index into <see cref="PhoneSet.Phones"/>) of each node; −1 for the root.</summary>
    public int[] NodePhone { get; }

    /// <summary>Output class of each state (node × states per phone + state): the contract with the acoustic model.</summary>
    public int[] StateClass { get; }

    /// <summary>Best unigram natural-log probability of a word ending at or below each node.</summary>
    public float[] LookAhead { get; }

    /// <summary>Language-model words left out because the lexicon has no pronunciation for them, in ordinal order.</summary>
    public IReadOnlyList<string> SkippedWords { get; }

    /// <summary>Number of words in the tree.</summary>
    public int WordCount { get; private init; }

    /// <summary>Each node's parent (−1 for the root).</summary>
    public int[] NodeParent { get; }

    /// <summary>The look-ahead after a given previous word, shared by every stream of this tree.</summary>
    public BigramLookAhead BigramLookAhead { get; }

    /// <summary>The nodes where <paramref name="word"/>'s pronunciations end (none when it is not in the tree).</summary>
    public ReadOnlySpan<int> EndNodesOf(int word) => _wordEnds.TryGetValue(word, out var nodes) ? nodes : [];

    /// <summary>The nodes one phone further.</summary>
    public ReadOnlySpan<int> ChildrenOf(int node) => _children.AsSpan(_childStart[node], _childStart[node + 1] - _childStart[node]);

    /// <summary>Language-model word ids whose pronunciation ends with this node (homophones share it).</summary>
    public ReadOnlySpan<int> WordsAt(int node) => _words.AsSpan(_wordStart[node], _wordStart[node + 1] - _wordStart[node]);

    /// <summary>Approximate bytes held (shared by every stream).</summary>
    public long SizeInBytes => 4L * (NodePhone.Length + StateClass.Length + LookAhead.Length + _childStart.Length + _children.Length
                                     + _wordStart.Length + _words.Length + NodeParent.Length) + 40L * _wordEnds.Count;

    /// <summary>
    /// The tree of every word of <paramref name="lm"/> (but the sentence markers) that <paramref name="lexicon"/> can
    /// pronounce; words it cannot are listed in <see cref="SkippedWords"/>. An <see cref="ArgumentException"/> when none
    /// is left. Stops with <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static LexiconTree Build(NgramLanguageModel lm, PronunciationLexicon lexicon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lm);
        ArgumentNullException.ThrowIfNull(lexicon);
        var phones = new List<int> { -1 };
        var children = new List<List<int>> { new() };
        var words = new List<List<int>> { new() };
        var index = new Dictionary<(int Parent, int Phone), int>();
        var skipped = new List<string>();
        var placed = 0;
        for (var w = 0; w < lm.Words.Count; w++)
        {
            if ((w & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var word = lm.Words[w];
            if (w == lm.SentenceStartId || w == lm.SentenceEndId)
            {
                continue;
            }
            if (!lexicon.Contains(word))
            {
                skipped.Add(word);
                continue;
            }
            foreach (var pronunciation in lexicon.Lookup(word))
            {
                if (pronunciation.Phones.Count == 0)
                {
                    continue;
                }
                var node = Root;
                foreach (var phone in pronunciation.Phones)
                {
                    if (!index.TryGetValue((node, phone), out var next))
                    {
                        next = phones.Count;
                        phones.Add(phone);
                        children.Add([]);
                        words.Add([]);
                        children[node].Add(next);
                        index[(node, phone)] = next;
                    }
                    node = next;
                }
                if (!words[node].Contains(w))
                {
                    words[node].Add(w);
                }
            }
            placed++;
        }
        if (placed == 0)
        {
            throw new ArgumentException($"None of the {lm.Words.Count} words of the language model has a pronunciation in {lexicon.Name}.");
        }
        skipped.Sort(StringComparer.Ordinal);
        return new LexiconTree(lm, phones, children, words, skipped) { WordCount = placed };
    }
}
