namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// The running state of an <see cref="OnlineMeanNormalization"/> over one utterance or stream: frames are normalised
/// one at a time, in order, with the same arithmetic whether they come from a whole utterance or a live stream, so both
/// give the same values bit for bit. Not thread-safe; one per stream.
/// </summary>
public sealed class OnlineMeanNormalizer
{
    private readonly double[] _priorSum;
    private readonly double _priorFrames;
    private readonly int _window;
    private readonly double[] _sum;
    // The last _window raw frames (ring buffer), only when the history is windowed.
    private readonly float[] _history;
    private long _count;

    /// <summary>A normaliser for frames of <paramref name="featureDim"/> values (settings validated and copied).</summary>
    public OnlineMeanNormalizer(OnlineMeanNormalization settings, int featureDim)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(featureDim);
        _priorFrames = settings.PriorFrames;
        _priorSum = settings.PriorMean.Select(v => v * settings.PriorFrames).ToArray();
        _window = settings.WindowFrames;
        _sum = new double[featureDim];
        _history = new float[_window * featureDim];
        Dim = featureDim;
    }

    /// <summary>Values per frame.</summary>
    public int Dim { get; }

    /// <summary>Frames normalised since construction or the last <see cref="Reset"/>.</summary>
    public long Frames => _count;

    /// <summary>Normalises the next frame of the utterance in place.</summary>
    public void Apply(Span<float> frame)
    {
        if (frame.Length != Dim)
        {
            throw new ArgumentException($"Frames have {Dim} values; got {frame.Length}.");
        }
        var slot = _window > 0 ? (int)(_count % _window) * Dim : 0;
        var evict = _window > 0 && _count >= _window;
        for (var d = 0; d < Dim; d++)
        {
            var x = frame[d];
            _sum[d] += x;
            if (evict)
            {
                _sum[d] -= _history[slot + d];
            }
            if (_window > 0)
            {
                _history[slot + d] = x;
            }
        }
        _count++;
        var inHistory = _window > 0 ? Math.Min(_count, _window) : _count;
        var weight = _priorFrames + inHistory;
        for (var d = 0; d < Dim; d++)
        {
            frame[d] -= (float)((_priorSum[d] + _sum[d]) / weight);
        }
    }

    /// <summary>Normalises consecutive frames (the next ones of the utterance) in place.</summary>
    public void ApplyFrames(Span<float> frames)
    {
        if (frames.Length % Dim != 0)
        {
            throw new ArgumentException($"Frames have {Dim} values; {frames.Length} values are not a whole number of frames.");
        }
        for (var start = 0; start < frames.Length; start += Dim)
        {
            Apply(frames.Slice(start, Dim));
        }
    }

    /// <summary>Forgets the utterance: the next frame starts a new running mean from the prior.</summary>
    public void Reset()
    {
        Array.Clear(_sum);
        _count = 0;
    }
}
