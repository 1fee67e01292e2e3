namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Frame-synchronous token-passing Viterbi beam search over a <see cref="DecodingGraph"/> (lexicon prefix trees joined
/// by grammar junctions). Each active state holds one token: its score, the word it is inside since which frame, and
/// a link to the words before. Scores arrive chunk by chunk (<see cref="AcceptScores"/>); a partial result is available
/// at any time and <see cref="Finish"/> gives the final one. One decoder per stream; the graph is shared.
/// </summary>
public sealed class BeamSearchDecoder : IStreamDecoder
{
    private readonly DecodingGraph _graph;
    private readonly FrameTiming _timing;
    private readonly int _classes;
    private readonly DecoderOptions _options;
    private readonly int[] _stamp;
    private readonly FrameStep _step; // made once: a method group would allocate a delegate per chunk
    private float[] _score;
    private int[] _link;
    private int[] _wordStart;
    private float[] _nextScore;
    private int[] _nextLink;
    private int[] _nextWordStart;
    private List<int> _active = [];
    private List<int> _touched = [];
    private readonly List<WordLink> _links = [];
    private readonly List<(int Junction, int Word, float Score, int Source)> _wordEnds = [];
    private readonly Dictionary<int, float> _bestPerWord = [];
    private float[] _pruneScratch = [];
    private int _frame;

    /// <summary>A decoder over <paramref name="graph"/> for scores of <paramref name="classes"/> classes per frame.</summary>
    public BeamSearchDecoder(DecodingGraph graph, FrameTiming timing, int classes, DecoderOptions? options = null)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _timing = timing ?? throw new ArgumentNullException(nameof(timing));
        _options = options ?? new DecoderOptions();
        _options.Validate();
        var maxClass = graph.ClassIds.Max();
        if (classes <= maxClass)
        {
            throw new ArgumentException($"The graph uses frame class {maxClass} but the scores have only {classes} classes.");
        }
        _classes = classes;
        _step = Step;
        var n = graph.NodeCount;
        _stamp = new int[n];
        _score = new float[n];
        _link = new int[n];
        _wordStart = new int[n];
        _nextScore = new float[n];
        _nextLink = new int[n];
        _nextWordStart = new int[n];
        Reset();
    }

    /// <summary>Frames decoded since the last <see cref="Reset"/>.</summary>
    public int FramesDecoded => _frame;

    /// <summary>States active after the last frame (a measure of search effort).</summary>
    public int ActiveStates => _active.Count;

    /// <summary>Forgets the stream and starts again at the grammar's start.</summary>
    public void Reset()
    {
        _frame = 0;
        _links.Clear();
        _active.Clear();
        Array.Fill(_stamp, int.MinValue);
        var start = _graph.StartNode;
        _score[start] = 0;
        _link[start] = -1;
        _wordStart[start] = 0;
        _active.Add(start);
        _stamp[start] = -1;
        FollowEmptyArcs(start, -1, _score, _link, _active);
        TrailingSilenceFrames = 0;
    }

    /// <summary>Frames the best path has spent in silence (or between words) at the end so far.</summary>
    public int TrailingSilenceFrames { get; private set; }

    /// <summary>Decodes frames of scores (row-major, frames × classes).</summary>
    public void AcceptScores(ReadOnlySpan<float> scores) => ScoreRows.Feed(scores, _classes, _step);

    /// <summary>The best hypothesis so far (completed words only).</summary>
    public DecodingResult PartialResult()
    {
        var best = Best(requireAccepting: false);
        return best < 0 ? new DecodingResult([], 0, _frame, false) : Result(best, _graph.Accepting[best]);
    }

    /// <summary>The final hypothesis: the best path ending in a final grammar state, else the best path at all.</summary>
    public DecodingResult Finish()
    {
        var best = Best(requireAccepting: true);
        if (best >= 0)
        {
            return Result(best, reachedFinal: true);
        }
        return PartialResult();
    }

    /// <summary>True when the endpoint rules say the utterance is over.</summary>
    public bool IsEndpoint(EndpointOptions rules)
    {
        var best = Best(requireAccepting: false);
        var hasWords = best >= 0 && _link[best] >= 0;
        return EndpointRule.IsEndpoint(rules, _timing, _frame, TrailingSilenceFrames, hasWords, hasWords && _graph.Accepting[best]);
    }

    private void Step(ReadOnlySpan<float> row)
    {
        var t = _frame;
        _touched.Clear();
        // Propagate every active token along arcs into emitting states (these consume frame t).
        foreach (var s in _active)
        {
            var score = _score[s];
            var (first, end) = _graph.ArcsOf(s);
            for (var a = first; a < end; a++)
            {
                var d = _graph.ArcTo[a];
                if (_graph.IsJunction(d))
                {
                    continue;
                }
                var candidate = score + _graph.ArcWeight[a];
                if (_stamp[d] != t)
                {
                    _stamp[d] = t;
                    _touched.Add(d);
                }
                else if (candidate <= _nextScore[d])
                {
                    continue;
                }
                _nextScore[d] = candidate;
                _nextLink[d] = _link[s];
                _nextWordStart[d] = _graph.ArcStartsWord[a] ? t : _wordStart[s];
            }
        }

        var best = float.NegativeInfinity;
        foreach (var d in _touched)
        {
            _nextScore[d] += row[_graph.ClassIds[d]];
            best = Math.Max(best, _nextScore[d]);
        }
        var threshold = Math.Max(best - _options.Beam, CutoffForMaxActive());
        var survivors = new List<int>(_touched.Count);
        foreach (var d in _touched)
        {
            if (_nextScore[d] >= threshold)
            {
                survivors.Add(d);
            }
        }
        EndWords(survivors, threshold, t);

        (_score, _nextScore) = (_nextScore, _score);
        (_link, _nextLink) = (_nextLink, _link);
        (_wordStart, _nextWordStart) = (_nextWordStart, _wordStart);
        _active = survivors;
        _frame++;
        UpdateTrailingSilence();
    }

    // Word-end arcs into junctions take no time: the junction holds the best word ending at frame t.
    private void EndWords(List<int> survivors, float threshold, int t)
    {
        _wordEnds.Clear();
        foreach (var s in survivors)
        {
            var (first, end) = _graph.ArcsOf(s);
            for (var a = first; a < end; a++)
            {
                var d = _graph.ArcTo[a];
                if (!_graph.IsJunction(d))
                {
                    continue;
                }
                var candidate = _nextScore[s] + _graph.ArcWeight[a];
                if (candidate >= threshold)
                {
                    _wordEnds.Add((d, _graph.ArcWord[a], candidate, s));
                }
            }
        }
        if (_wordEnds.Count == 0)
        {
            return;
        }
        _wordEnds.Sort((x, y) => x.Junction.CompareTo(y.Junction));
        for (var i = 0; i < _wordEnds.Count;)
        {
            var junction = _wordEnds[i].Junction;
            var bestIndex = i;
            _bestPerWord.Clear();
            var j = i;
            for (; j < _wordEnds.Count && _wordEnds[j].Junction == junction; j++)
            {
                var end = _wordEnds[j];
                if (end.Score > _wordEnds[bestIndex].Score)
                {
                    bestIndex = j;
                }
                if (!_bestPerWord.TryGetValue(end.Word, out var known) || end.Score > known)
                {
                    _bestPerWord[end.Word] = end.Score;
                }
            }
            var winner = _wordEnds[bestIndex];
            var sum = 0.0;
            foreach (var score in _bestPerWord.Values)
            {
                sum += Math.Exp(score - winner.Score);
            }
            _links.Add(new WordLink(winner.Word, _nextWordStart[winner.Source], t, _nextLink[winner.Source], 1.0 / sum));
            _stamp[junction] = t;
            _nextScore[junction] = winner.Score;
            _nextLink[junction] = _links.Count - 1;
            _nextWordStart[junction] = t + 1;
            survivors.Add(junction);
            FollowEmptyArcs(junction, t, _nextScore, _nextLink, survivors);
            i = j;
        }
    }

    // Empty junction-to-junction arcs (a language model's back-off) take no time: the target junction gets the token
    // too when that is its best way in at this frame.
    private void FollowEmptyArcs(int junction, int t, float[] scores, int[] links, List<int> active)
    {
        if (!_graph.HasEmptyArcs)
        {
            return;
        }
        var (first, end) = _graph.ArcsOf(junction);
        for (var a = first; a < end; a++)
        {
            var d = _graph.ArcTo[a];
            if (!_graph.IsJunction(d))
            {
                continue;
            }
            var candidate = scores[junction] + _graph.ArcWeight[a];
            if (_stamp[d] != t)
            {
                _stamp[d] = t;
                active.Add(d);
            }
            else if (candidate <= scores[d])
            {
                continue;
            }
            scores[d] = candidate;
            links[d] = links[junction];
            FollowEmptyArcs(d, t, scores, links, active);
        }
    }

    // The score of the MaxActive-th best emitting state, or −∞ when fewer are active.
    private float CutoffForMaxActive()
    {
        if (_touched.Count <= _options.MaxActive)
        {
            return float.NegativeInfinity;
        }
        if (_pruneScratch.Length < _touched.Count)
        {
            _pruneScratch = new float[_touched.Count * 2];
        }
        var scratch = _pruneScratch.AsSpan(0, _touched.Count);
        for (var i = 0; i < scratch.Length; i++)
        {
            scratch[i] = _nextScore[_touched[i]];
        }
        scratch.Sort();
        return scratch[^_options.MaxActive];
    }

    private void UpdateTrailingSilence()
    {
        var best = Best(requireAccepting: false);
        var inSilence = best >= 0 && (_graph.IsJunction(best) || _graph.PhoneIndices[best] == 0);
        TrailingSilenceFrames = inSilence ? TrailingSilenceFrames + 1 : 0;
    }

    private int Best(bool requireAccepting)
    {
        var best = -1;
        foreach (var s in _active)
        {
            if ((!requireAccepting || _graph.Accepting[s]) && (best < 0 || Total(s, requireAccepting) > Total(best, requireAccepting)))
            {
                best = s;
            }
        }
        return best;
    }

    private float Total(int node, bool withFinalWeight) => withFinalWeight ? _score[node] + _graph.FinalWeights[node] : _score[node];

    private DecodingResult Result(int node, bool reachedFinal)
    {
        var words = new List<RecognizedWord>();
        for (var link = _link[node]; link >= 0; link = _links[link].Previous)
        {
            var w = _links[link];
            words.Add(new RecognizedWord(_graph.Words[w.Word], _timing.StartSeconds(w.StartFrame), _timing.StartSeconds(w.EndFrame + 1), w.Confidence));
        }
        words.Reverse();
        return new DecodingResult(words, Total(node, reachedFinal), _frame, reachedFinal);
    }

    private readonly record struct WordLink(int Word, int StartFrame, int EndFrame, int Previous, double Confidence);
}
