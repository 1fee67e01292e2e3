namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Scores audio that arrives in chunks: streaming filterbank, the model's CMVN, splicing, then the network. A frame
/// is scored once its right context has arrived, so scores lag the audio by the model's context; <see cref="Finish"/>
/// scores the held-back frames with the last frame repeated, exactly as whole-utterance scoring does. The scores
/// therefore equal <see cref="AcousticScorer.ScoreAudio"/>'s on the concatenated audio. One per stream; not thread-safe.
/// </summary>
public sealed class StreamingScorer
{
    private readonly AcousticScorer _scorer;
    private readonly StreamingFilterbank _filterbank;
    private readonly FrameSplicer _splicer;
    private readonly int _dim;
    private readonly List<float> _frames = [];
    // Absolute index of the first frame kept in _frames, and of the next frame to score.
    private long _firstKept;
    private long _nextToScore;
    private long _received;

    /// <summary>A stream scored by <paramref name="scorer"/>.</summary>
    public StreamingScorer(AcousticScorer scorer)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _filterbank = new StreamingFilterbank(scorer.Metadata.Features);
        _splicer = new FrameSplicer(scorer.Context);
        _dim = _filterbank.Dim;
    }

    /// <summary>
    /// Called with the network's input rows (normalised, spliced; frames × input dimension) each time frames are scored,
    /// e.g. to compare the model with others on live traffic. Must not keep the span.
    /// </summary>
    public RowsObserver? RowsScored { get; set; }

    /// <summary>Frames scored so far.</summary>
    public long FramesScored => _nextToScore;

    /// <summary>Adds samples at the model's rate and returns the scores (frames × classes) of frames now complete.</summary>
    public float[] AcceptWaveform(ReadOnlySpan<float> samples)
    {
        var features = _filterbank.AcceptWaveform(samples);
        if (features.Frames > 0)
        {
            var normalised = (float[])features.Data.Clone();
            _scorer.Cmvn.Apply(normalised);
            _frames.AddRange(normalised);
            _received += features.Frames;
        }
        return ScoreUpTo(_received - _scorer.Context, finished: false);
    }

    /// <summary>Ends the stream and returns the scores of the frames held back for right context.</summary>
    public float[] Finish()
    {
        _filterbank.Finish();
        return ScoreUpTo(_received, finished: true);
    }

    /// <summary>Starts a new stream.</summary>
    public void Reset()
    {
        _filterbank.Reset();
        _frames.Clear();
        _firstKept = _nextToScore = _received = 0;
    }

    private float[] ScoreUpTo(long end, bool finished)
    {
        var count = (int)Math.Max(0, end - _nextToScore);
        if (count == 0)
        {
            return [];
        }
        var context = _scorer.Context;
        // The window holds the frames the new rows read; its ends are true utterance ends or fully available context,
        // so the splicer's edge repetition is the same as whole-utterance splicing.
        var windowStart = Math.Max(_firstKept, _nextToScore - context);
        var windowEnd = finished ? _received : Math.Min(_received, end + context);
        var windowFrames = (int)(windowEnd - windowStart);
        var window = new FeatureMatrix(
            _frames.GetRange((int)((windowStart - _firstKept) * _dim), windowFrames * _dim).ToArray(), windowFrames, _dim);
        var spliced = _splicer.Splice(window);
        var offset = (int)(_nextToScore - windowStart);
        var scores = new float[count * _scorer.Classes];
        var rows = spliced.Data.AsSpan(offset * spliced.Dim, count * spliced.Dim);
        _scorer.ScoreSpliced(rows, count, scores);
        RowsScored?.Invoke(rows, count);
        _nextToScore += count;
        Trim();
        return scores;
    }

    // Keeps only the frames that unscored frames may still read as left context.
    private void Trim()
    {
        var keepFrom = Math.Max(_firstKept, _nextToScore - _scorer.Context);
        var drop = (int)(keepFrom - _firstKept);
        if (drop > 0)
        {
            _frames.RemoveRange(0, drop * _dim);
            _firstKept = keepFrom;
        }
    }
}

/// <summary>Receives the network input rows of <paramref name="frames"/> frames just scored.</summary>
public delegate void RowsObserver(ReadOnlySpan<float> rows, int frames);
