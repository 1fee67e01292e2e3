using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// The language-model histories one stream's search has met, each a small id: the last one or two words that can still
/// matter to the next word (<see cref="NgramLanguageModel.UsefulContextLength"/>), so paths whose histories the model
/// cannot tell apart share one id and recombine. Holds trigram context at most (a higher-order model is used up to its
/// trigrams). One per decoder; forgets nothing until <see cref="Clear"/>.
/// </summary>
internal sealed class LmHistories(NgramLanguageModel lm)
{
    private readonly List<(int Older, int Newer)> _contexts = [];
    private readonly Dictionary<(int Older, int Newer), int> _ids = [];
    private readonly Dictionary<(int History, int Word), int> _next = [];
    private readonly Dictionary<long, float> _scores = [];
    private readonly int[] _scratch = new int[2];

    /// <summary>Number of histories met.</summary>
    public int Count => _contexts.Count;

    /// <summary>Forgets every history; ids start again from 0.</summary>
    public void Clear()
    {
        _contexts.Clear();
        _ids.Clear();
        _next.Clear();
        _scores.Clear();
    }

    /// <summary>The history of a sentence's start: <c>&lt;s&gt;</c>, or nothing when the model has no such word.</summary>
    public int Start() => lm.SentenceStartId >= 0 ? IdOf(-1, lm.SentenceStartId) : IdOf(-1, -1);

    /// <summary>The history after <paramref name="word"/> follows <paramref name="history"/>.</summary>
    public int Extend(int history, int word)
    {
        if (_next.TryGetValue((history, word), out var known))
        {
            return known;
        }
        var newer = _contexts[history].Newer;
        int id;
        if (newer < 0 || lm.Order < 3)
        {
            id = lm.Order < 2 ? IdOf(-1, -1) : IdOf(-1, word);
        }
        else
        {
            _scratch[0] = newer;
            _scratch[1] = word;
            id = lm.UsefulContextLength(_scratch) switch
            {
                2 => IdOf(newer, word),
                1 => IdOf(-1, word),
                _ => IdOf(-1, -1),
            };
        }
        _next[(history, word)] = id;
        return id;
    }

    /// <summary>The newest word of <paramref name="history"/> (−1 when it holds none).</summary>
    public int Newest(int history) => _contexts[history].Newer;

    /// <summary>Natural-log probability of <paramref name="word"/> after <paramref name="history"/>.</summary>
    public float LogProbability(int history, int word)
    {
        // A token lingers in a word's last state for several frames and asks again each time: remember the answers.
        var key = ((long)history << 32) | (uint)word;
        if (!_scores.TryGetValue(key, out var score))
        {
            score = Compute(history, word);
            _scores[key] = score;
        }
        return score;
    }

    private float Compute(int history, int word)
    {
        var (older, newer) = _contexts[history];
        if (newer < 0)
        {
            return lm.LogProbability([], word);
        }
        if (older < 0)
        {
            _scratch[0] = newer;
            return lm.LogProbability(_scratch.AsSpan(0, 1), word);
        }
        _scratch[0] = older;
        _scratch[1] = newer;
        return lm.LogProbability(_scratch, word);
    }

    private int IdOf(int older, int newer)
    {
        if (!_ids.TryGetValue((older, newer), out var id))
        {
            id = _contexts.Count;
            _contexts.Add((older, newer));
            _ids[(older, newer)] = id;
        }
        return id;
    }
}
