using System.Collections.Concurrent;

namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// The bigram form of the tree's language-model look-ahead: after the word v, the best P(w | v) of any word w below a
/// tree node. A bigram model scores an unlisted w as back-off(v) + P(w), so that best is the larger of
/// back-off(v) + the node's unigram look-ahead and the best listed bigram below the node — and the listed bigrams of v
/// are few (28 on average in the general English LM), so each v's table is sparse: only the nodes on the paths from
/// v's listed successors up to the root. Tables are built on first use and shared by every stream of the tree
/// (thread-safe); past <see cref="MaxTables"/> the cache starts again empty, bounding its memory.
/// </summary>
public sealed class BigramLookAhead(LexiconTree tree)
{
    /// <summary>Most histories whose tables are kept.</summary>
    public const int MaxTables = 20_000;

    private readonly ConcurrentDictionary<int, Table> _tables = new();

    /// <summary>The look-ahead (natural log) of <paramref name="node"/> after the word <paramref name="previous"/> (−1: none, unigram).</summary>
    public float Of(int previous, int node) => previous < 0 ? tree.LookAhead[node] : TableOf(previous).Of(node, tree.LookAhead);

    /// <summary>The table after <paramref name="previous"/> (≥ 0), built on first use.</summary>
    public Table TableOf(int previous)
    {
        if (_tables.TryGetValue(previous, out var table))
        {
            return table;
        }
        if (_tables.Count >= MaxTables)
        {
            _tables.Clear();
        }
        return _tables.GetOrAdd(previous, Build);
    }

    private Table Build(int previous)
    {
        var lm = tree.LanguageModel;
        var best = new Dictionary<int, float>();
        if (lm.Order < 2)
        {
            return new Table(0f, best);
        }
        var unigrams = lm.Level(0);
        var bigrams = lm.Level(1);
        for (var i = unigrams.ChildStart![previous]; i < unigrams.ChildStart[previous + 1]; i++)
        {
            var p = bigrams.LogProb[i];
            foreach (var end in tree.EndNodesOf(bigrams.Word![i]))
            {
                // Up towards the root while this word beats what the node holds (above a node that holds more, all do).
                for (var node = end; node > LexiconTree.Root; node = tree.NodeParent[node])
                {
                    if (best.TryGetValue(node, out var held) && held >= p)
                    {
                        break;
                    }
                    best[node] = p;
                }
            }
        }
        return new Table(unigrams.LogBackoff![previous], best);
    }

    /// <summary>One history's look-ahead: its back-off weight and the listed bigrams' best per node.</summary>
    public sealed class Table(float backoff, Dictionary<int, float> best)
    {
        /// <summary>The look-ahead of <paramref name="node"/> given the tree's unigram look-ahead.</summary>
        public float Of(int node, float[] unigramLookAhead)
        {
            var backedOff = backoff + unigramLookAhead[node];
            return best.TryGetValue(node, out var listed) && listed > backedOff ? listed : backedOff;
        }
    }
}
