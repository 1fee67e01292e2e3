using AcousticDistill.Acoustic.Phones;

namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// Large-vocabulary search: a frame-synchronous Viterbi beam search over one shared <see cref="LexiconTree"/>, copied
/// virtually per language-model history (history-conditioned tree search). A token is a (history, tree state) pair;
/// while a word is undecided its score carries the tree's unigram look-ahead, which is swapped for the real n-gram
/// probability (up to trigrams) when the word ends. Word ends go to a boundary per new history, which at the next
/// frame enters the tree's first phones or optional silence. Work is bounded by the beam, max-active and the word-end
/// beam (<see cref="TreeDecoderOptions"/>). Scores arrive chunk by chunk; partial results at any time. One per stream.
/// </summary>
public sealed class LexiconTreeDecoder : IStreamDecoder
{
    private const int States = PhoneSet.StatesPerPhone;
    private const int HistogramBins = 64;
    private const int SilencePhone = 0;

    private readonly LexiconTree _tree;
    private readonly FrameTiming _timing;
    private readonly int _classes;
    private readonly TreeDecoderOptions _options;
    private readonly LmHistories _histories;
    private readonly WordBoosts _boosts;
    private readonly FrameStep _step; // made once: a method group would allocate a delegate per chunk
    private readonly float _selfLoop;
    private readonly float _forward;
    private readonly int _silenceState; // the first of silence's states, after the tree's
    private readonly int[] _histogram = new int[HistogramBins];
    private TokenTable _current = new();
    private TokenTable _next = new();
    private float _currentThreshold;
    private readonly List<Boundary> _boundaries = [];
    private readonly Dictionary<int, int> _boundaryOf = [];
    private readonly List<WordEnd> _wordEnds = [];
    private readonly Dictionary<int, float> _bestPerWord = [];
    private readonly List<WordLink> _links = [];
    private readonly List<BigramLookAhead.Table?> _tableOfHistory = [];
    private int _frame;
    private int _best = -1;

    /// <summary>A decoder over <paramref name="tree"/> for scores of <paramref name="classes"/> classes per frame.</summary>
    public LexiconTreeDecoder(LexiconTree tree, FrameTiming timing, int classes, TreeDecoderOptions? options = null, WordBoosts? boosts = null)
    {
        _boosts = boosts ?? WordBoosts.None;
        _step = Step;
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _timing = timing ?? throw new ArgumentNullException(nameof(timing));
        _options = options ?? new TreeDecoderOptions();
        _options.Validate();
        var maxClass = Math.Max(tree.StateClass.Max(), PhoneSet.ClassOf(SilencePhone, States - 1));
        if (classes <= maxClass)
        {
            throw new ArgumentException($"The lexicon tree uses output class {maxClass} but the scores have only {classes} classes.");
        }
        _classes = classes;
        _histories = new LmHistories(tree.LanguageModel);
        _selfLoop = (float)Math.Log(_options.SelfLoopProbability);
        _forward = (float)Math.Log(1 - _options.SelfLoopProbability);
        _silenceState = tree.NodeCount * States;
        Reset();
    }

    /// <inheritdoc/>
    public int FramesDecoded => _frame;

    /// <inheritdoc/>
    public int ActiveStates { get; private set; }

    /// <inheritdoc/>
    public int TrailingSilenceFrames { get; private set; }

    /// <inheritdoc/>
    public void Reset()
    {
        _frame = 0;
        _links.Clear();
        _histories.Clear();
        _tableOfHistory.Clear();
        _current.Clear();
        _next.Clear();
        _currentThreshold = float.NegativeInfinity;
        _boundaries.Clear();
        _boundaries.Add(new Boundary(_histories.Start(), 0f, -1));
        _best = -1;
        ActiveStates = 0;
        TrailingSilenceFrames = 0;
    }

    /// <inheritdoc/>
    public void AcceptScores(ReadOnlySpan<float> scores) => ScoreRows.Feed(scores, _classes, _step);

    /// <inheritdoc/>
    public DecodingResult PartialResult()
    {
        if (_best < 0)
        {
            return new DecodingResult([], 0, _frame, false);
        }
        return Result(_current.Link[_best], _current.Score[_best], reachedFinal: false);
    }

    /// <inheritdoc/>
    public DecodingResult Finish()
    {
        // The sentence may end at a boundary of the last frame (after a word or silence) or inside silence (as the
        // compiled graph lets it), with P(</s> | history).
        var lmw = _options.LmWeight;
        var end = _tree.LanguageModel.SentenceEndId;
        float Closing(int history) => end >= 0 ? lmw * _histories.LogProbability(history, end) : 0f;
        var bestLink = -2;
        var bestScore = float.NegativeInfinity;
        foreach (var b in _boundaries)
        {
            var total = b.Score + Closing(b.History);
            if (total > bestScore)
            {
                (bestScore, bestLink) = (total, b.Link);
            }
        }
        for (var i = 0; i < _current.Count; i++)
        {
            if (_current.State[i] >= _silenceState && _current.Score[i] > float.NegativeInfinity)
            {
                var total = _current.Score[i] + Closing(_current.History[i]);
                if (total > bestScore)
                {
                    (bestScore, bestLink) = (total, _current.Link[i]);
                }
            }
        }
        return bestLink >= -1 ? Result(bestLink, bestScore, reachedFinal: true) : PartialResult();
    }

    /// <inheritdoc/>
    public bool IsEndpoint(EndpointOptions rules)
    {
        var hasWords = _best >= 0 && _current.Link[_best] >= 0;
        return EndpointRule.IsEndpoint(rules, _timing, _frame, TrailingSilenceFrames, hasWords, canEnd: hasWords);
    }

    private void Step(ReadOnlySpan<float> row)
    {
        var t = _frame;
        var lmw = _options.LmWeight;
        var next = _next;
        next.Clear();
        var cur = _current;
        for (var i = 0; i < cur.Count; i++)
        {
            var score = cur.Score[i];
            if (score < _currentThreshold)
            {
                continue; // pruned last frame
            }
            var (h, s, link, start, la) = (cur.History[i], cur.State[i], cur.Link[i], cur.WordStart[i], cur.LookAhead[i]);
            Relax(next, h, s, score + _selfLoop, link, start, la);
            var k = s % States;
            if (k < States - 1)
            {
                Relax(next, h, s + 1, score + _forward, link, start, la);
            }
            else if (s < _silenceState)
            {
                var table = TableOf(h);
                foreach (var child in _tree.ChildrenOf(s / States))
                {
                    var childLa = LookAheadOf(table, child);
                    Relax(next, h, child * States, score + _forward + lmw * (childLa - la), link, start, childLa);
                }
            }
        }
        // Boundaries reached at the end of the last frame start words (or silence) now.
        foreach (var b in _boundaries)
        {
            var table = TableOf(b.History);
            foreach (var child in _tree.ChildrenOf(LexiconTree.Root))
            {
                var childLa = LookAheadOf(table, child);
                Relax(next, b.History, child * States, b.Score + lmw * childLa, b.Link, t, childLa);
            }
            Relax(next, b.History, _silenceState, b.Score + _options.SilenceLogPenalty, b.Link, t, 0f);
        }

        var best = float.NegativeInfinity;
        var bestIndex = -1;
        for (var i = 0; i < next.Count; i++)
        {
            var s = next.State[i];
            var cls = s < _silenceState ? _tree.StateClass[s] : PhoneSet.ClassOf(SilencePhone, s - _silenceState);
            var score = next.Score[i] += row[cls];
            if (score > best)
            {
                best = score;
                bestIndex = i;
            }
        }
        var threshold = Prune(next, best);
        EndWords(next, threshold, t);

        _current = next;
        _next = cur;
        _currentThreshold = threshold;
        _best = bestIndex;
        _frame++;
        TrailingSilenceFrames = bestIndex >= 0 && next.State[bestIndex] >= _silenceState ? TrailingSilenceFrames + 1 : 0;
    }

    private static void Relax(TokenTable table, int history, int state, float score, int link, int wordStart, float lookAhead)
    {
        var i = table.Find(history, state, out var added);
        if (added || score > table.Score[i])
        {
            table.Score[i] = score;
            table.Link[i] = link;
            table.WordStart[i] = wordStart;
            table.LookAhead[i] = lookAhead;
        }
    }

    // The look-ahead of a node for a history: bigram or unigram, raised for boosted words below it.
    private float LookAheadOf(BigramLookAhead.Table? table, int node)
    {
        var lookAhead = table?.Of(node, _tree.LookAhead) ?? _tree.LookAhead[node];
        return _boosts.IsEmpty ? lookAhead : _boosts.LookAhead(node, lookAhead);
    }

    // The bigram look-ahead table after this history's newest word (null: unigram look-ahead), found once per history.
    private BigramLookAhead.Table? TableOf(int history)
    {
        while (_tableOfHistory.Count <= history)
        {
            _tableOfHistory.Add(null);
        }
        if (!_options.BigramLookAhead)
        {
            return null;
        }
        var newest = _histories.Newest(history);
        return newest < 0 ? null : _tableOfHistory[history] ??= _tree.BigramLookAhead.TableOf(newest);
    }

    // Tokens leaving a word's last state end it (for each word pronounced so) with its real LM probability in place of
    // the look-ahead; tokens leaving silence's last state return to their boundary. The best per new history survives.
    private void EndWords(TokenTable table, float threshold, int t)
    {
        var lmw = _options.LmWeight;
        _wordEnds.Clear();
        var bestEnd = float.NegativeInfinity;
        for (var i = 0; i < table.Count; i++)
        {
            var score = table.Score[i];
            var s = table.State[i];
            if (score < threshold || s % States != States - 1)
            {
                continue;
            }
            if (s >= _silenceState)
            {
                _wordEnds.Add(new WordEnd(table.History[i], -1, score + _forward, i));
                continue;
            }
            var node = s / States;
            var words = _tree.WordsAt(node);
            if (words.IsEmpty)
            {
                continue;
            }
            var leaving = score + _forward - lmw * table.LookAhead[i] + _options.WordInsertionLogPenalty;
            foreach (var w in words)
            {
                var candidate = leaving + lmw * (_histories.LogProbability(table.History[i], w) + _boosts.BonusOf(w));
                if (candidate >= threshold)
                {
                    _wordEnds.Add(new WordEnd(table.History[i], w, candidate, i));
                    bestEnd = Math.Max(bestEnd, candidate);
                }
            }
        }
        _boundaries.Clear();
        _boundaryOf.Clear();
        _bestPerWord.Clear();
        var endFloor = bestEnd - _options.WordEndBeam;
        foreach (var end in _wordEnds)
        {
            if (end.Word >= 0 && end.Score < endFloor)
            {
                continue;
            }
            if (end.Word >= 0 && (!_bestPerWord.TryGetValue(end.Word, out var known) || end.Score > known))
            {
                _bestPerWord[end.Word] = end.Score;
            }
            var history = end.Word >= 0 ? _histories.Extend(end.History, end.Word) : end.History;
            if (_boundaryOf.TryGetValue(history, out var at))
            {
                if (_boundaries[at].Score >= end.Score)
                {
                    continue;
                }
                _boundaries[at] = new Boundary(history, end.Score, -1, end);
            }
            else
            {
                _boundaryOf[history] = _boundaries.Count;
                _boundaries.Add(new Boundary(history, end.Score, -1, end));
            }
        }
        // Links only for the winners; a word's confidence is its share among the words ending at this frame.
        var sum = 0.0;
        foreach (var score in _bestPerWord.Values)
        {
            sum += Math.Exp(score - bestEnd);
        }
        for (var b = 0; b < _boundaries.Count; b++)
        {
            var boundary = _boundaries[b];
            var end = boundary.From;
            var link = table.Link[end.Token];
            if (end.Word >= 0)
            {
                _links.Add(new WordLink(end.Word, table.WordStart[end.Token], t, link, Math.Exp(_bestPerWord[end.Word] - bestEnd) / sum));
                link = _links.Count - 1;
            }
            _boundaries[b] = boundary with { Link = link };
        }
    }

    // Drops (score −∞) the tokens outside the beam and, when more than MaxActive remain, the worst of them: a histogram
    // of the scores within the beam finds the bin where the MaxActive-th best lies (no sort); within that bin tokens are
    // kept in table order until the limit. Returns the lowest score kept and counts the survivors.
    private float Prune(TokenTable table, float best)
    {
        var beam = _options.Beam;
        var width = beam / HistogramBins;
        Array.Clear(_histogram);
        var within = 0;
        for (var i = 0; i < table.Count; i++)
        {
            var below = best - table.Score[i];
            if (below <= beam)
            {
                _histogram[Math.Min(HistogramBins - 1, (int)(below / width))]++;
                within++;
            }
            else
            {
                table.Score[i] = float.NegativeInfinity;
            }
        }
        var lastBin = HistogramBins - 1;
        var roomInLastBin = int.MaxValue;
        if (within > _options.MaxActive)
        {
            var kept = 0;
            for (var bin = 0; bin < HistogramBins; bin++)
            {
                if (kept + _histogram[bin] >= _options.MaxActive)
                {
                    (lastBin, roomInLastBin) = (bin, _options.MaxActive - kept);
                    break;
                }
                kept += _histogram[bin];
            }
            for (var i = 0; i < table.Count; i++)
            {
                var score = table.Score[i];
                if (float.IsNegativeInfinity(score))
                {
                    continue;
                }
                var bin = Math.Min(HistogramBins - 1, (int)((best - score) / width));
                if (bin > lastBin || (bin == lastBin && roomInLastBin-- <= 0))
                {
                    table.Score[i] = float.NegativeInfinity;
                }
            }
            within = _options.MaxActive;
        }
        ActiveStates = within;
        return lastBin == HistogramBins - 1 ? best - beam : best - (lastBin + 1) * width;
    }

    private DecodingResult Result(int link, double score, bool reachedFinal)
    {
        var words = new List<RecognizedWord>();
        for (; link >= 0; link = _links[link].Previous)
        {
            var w = _links[link];
            words.Add(new RecognizedWord(_tree.LanguageModel.Words[w.Word], _timing.StartSeconds(w.StartFrame), _timing.StartSeconds(w.EndFrame + 1), w.Confidence));
        }
        words.Reverse();
        return new DecodingResult(words, score, _frame, reachedFinal);
    }

    private readonly record struct WordEnd(int History, int Word, float Score, int Token);

    private readonly record struct Boundary(int History, float Score, int Link, WordEnd From = default);

    private readonly record struct WordLink(int Word, int StartFrame, int EndFrame, int Previous, double Confidence);
}
