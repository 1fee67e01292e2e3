namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// Per-request biasing of the open-vocabulary search towards (or away from) words, on top of the general language
/// model, as Riva's word boosting and sherpa-onnx's hotwords do: each boosted word's log bonus is added to its language
/// model score where the word ends, and to the look-ahead of the tree nodes on its way, so a boosted word is not pruned
/// before its end for lack of unigram mass. Built once per stream from (word, bonus) pairs; words outside the language
/// model are refused by name.
/// </summary>
public sealed class WordBoosts
{
    /// <summary>The largest bonus (or penalty) a word may get, in natural-log units (e^20 ≈ 5·10⁸).</summary>
    public const float MaxBonus = 20f;

    private readonly Dictionary<int, float> _bonus;
    private readonly Dictionary<int, float> _lookAhead;

    private WordBoosts(Dictionary<int, float> bonus, Dictionary<int, float> lookAhead)
    {
        _bonus = bonus;
        _lookAhead = lookAhead;
    }

    /// <summary>No boosting.</summary>
    public static WordBoosts None { get; } = new([], []);

    /// <summary>True when no word is boosted.</summary>
    public bool IsEmpty => _bonus.Count == 0;

    /// <summary>
    /// Boosts for <paramref name="tree"/>'s words; an <see cref="ArgumentException"/> naming the first word outside its
    /// language model or a bonus that is not finite or beyond ±<see cref="MaxBonus"/>.
    /// </summary>
    public static WordBoosts For(LexiconTree tree, IEnumerable<KeyValuePair<string, float>> boosts)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(boosts);
        var bonus = new Dictionary<int, float>();
        foreach (var (word, value) in boosts)
        {
            if (!float.IsFinite(value) || Math.Abs(value) > MaxBonus)
            {
                throw new ArgumentException($"boost: '{word}' has bonus {value}; a bonus must be a number from -{MaxBonus} to {MaxBonus}.");
            }
            var id = tree.LanguageModel.IdOf(word.ToLowerInvariant());
            if (id < 0 || tree.EndNodesOf(id).IsEmpty)
            {
                throw new ArgumentException($"boost: '{word}' is not a word of the language model; boost words it knows, or send a phrase_list.");
            }
            bonus[id] = value;
        }
        // A raised word lifts the look-ahead of every node on its path; a lowered one leaves it (the look-ahead stays an
        // optimistic bound, so the search never prunes on the penalty before the word ends).
        var lookAhead = new Dictionary<int, float>();
        foreach (var (id, value) in bonus)
        {
            if (value <= 0)
            {
                continue;
            }
            var raised = tree.LanguageModel.Level(0).LogProb[id] + value;
            foreach (var end in tree.EndNodesOf(id))
            {
                for (var node = end; node > LexiconTree.Root; node = tree.NodeParent[node])
                {
                    if (lookAhead.TryGetValue(node, out var held) && held >= raised)
                    {
                        break;
                    }
                    lookAhead[node] = raised;
                }
            }
        }
        return new WordBoosts(bonus, lookAhead);
    }

    /// <summary>The bonus of word <paramref name="word"/> (0 when it is not boosted).</summary>
    public float BonusOf(int word) => _bonus.TryGetValue(word, out var value) ? value : 0f;

    /// <summary><paramref name="lookAhead"/> raised to the best boosted word below <paramref name="node"/> when that is higher.</summary>
    public float LookAhead(int node, float lookAhead) =>
        _lookAhead.TryGetValue(node, out var raised) && raised > lookAhead ? raised : lookAhead;
}
