namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Filterbank features of audio that arrives in chunks of any size: each frame is emitted as soon as its
/// whole window has arrived. The frames equal <see cref="FilterbankExtractor"/>'s on the concatenated
/// audio bit for bit (same per-frame code, same samples, and the same causal mean normalisation when the options ask
/// for it). Keeps only the samples that a future frame
/// still needs. Not thread-safe.
/// </summary>
public sealed class StreamingFilterbank
{
    private readonly FbankOptions _options;
    private readonly FbankFrameComputer _computer;
    private readonly OnlineMeanNormalizer? _normalizer;
    private readonly int _shift;
    private readonly int _window;
    // Returned for the many small chunks that complete no frame, so they allocate nothing.
    private readonly FeatureMatrix _noFrames;
    private float[] _pending;
    private int _pendingCount;
    // When the shift is longer than the window, samples between frames are never read: this many
    // upcoming input samples are skipped.
    private long _skipCount;
    private bool _finished;

    /// <summary>Validates and copies <paramref name="options"/>.</summary>
    public StreamingFilterbank(FbankOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _computer = new FbankFrameComputer(_options);
        _normalizer = _options.MeanNormalization is { } norm ? new OnlineMeanNormalizer(norm, _computer.Dim) : null;
        _shift = _options.WindowShift;
        _window = _options.WindowLength;
        _pending = new float[Math.Max(_window, 4096)];
        _noFrames = new FeatureMatrix(0, _computer.Dim);
    }

    /// <summary>Values per frame.</summary>
    public int Dim => _computer.Dim;

    /// <summary>Frames emitted since construction or the last <see cref="Reset"/>.</summary>
    public long FramesEmitted { get; private set; }

    /// <summary>Samples accepted since construction or the last <see cref="Reset"/>.</summary>
    public long SamplesAccepted { get; private set; }

    /// <summary>How many frames a call to <see cref="AcceptWaveform(ReadOnlySpan{float})"/> with <paramref name="chunkLength"/> samples will emit.</summary>
    public int FramesReadyAfter(int chunkLength)
    {
        var available = (long)_pendingCount + chunkLength - _skipCount;
        return available < _window ? 0 : (int)(1 + ((available - _window) / _shift));
    }

    /// <summary>Adds samples (floats in [−1, 1]) and returns the frames that became complete (possibly none).</summary>
    public FeatureMatrix AcceptWaveform(ReadOnlySpan<float> chunk)
    {
        var ready = FramesReadyAfter(chunk.Length);
        var result = ready == 0 ? _noFrames : new FeatureMatrix(ready, Dim);
        AcceptWaveform(chunk, result.Data);
        return result;
    }

    /// <summary>
    /// Adds samples and writes the frames that became complete into <paramref name="destination"/>
    /// (room for <see cref="FramesReadyAfter"/> × <see cref="Dim"/> values); returns how many were written.
    /// </summary>
    public int AcceptWaveform(ReadOnlySpan<float> chunk, Span<float> destination)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The stream is finished; call Reset before accepting more audio.");
        }
        var ready = FramesReadyAfter(chunk.Length);
        var dim = Dim;
        if (destination.Length < ready * dim)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {ready} frames need {ready * dim}.");
        }

        Append(chunk);
        var start = 0;
        for (var f = 0; f < ready; f++, start += _shift)
        {
            _computer.Compute(_pending.AsSpan(start, _window), destination.Slice(f * dim, dim));
            _normalizer?.Apply(destination.Slice(f * dim, dim));
        }
        Discard(start);
        FramesEmitted += ready;
        SamplesAccepted += chunk.Length;
        return ready;
    }

    /// <summary>
    /// Ends the stream and returns any last frames. With snip-edges framing every complete window was
    /// already emitted, so this returns an empty matrix; the trailing partial window is dropped.
    /// </summary>
    public FeatureMatrix Finish()
    {
        _finished = true;
        _pendingCount = 0;
        _skipCount = 0;
        return _noFrames;
    }

    /// <summary>Forgets all audio and starts a new stream (dither noise restarts from its seed).</summary>
    public void Reset()
    {
        _pendingCount = 0;
        _skipCount = 0;
        _finished = false;
        FramesEmitted = 0;
        SamplesAccepted = 0;
        _computer.Reset();
        _normalizer?.Reset();
    }

    private void Append(ReadOnlySpan<float> chunk)
    {
        var skipped = (int)Math.Min(_skipCount, chunk.Length);
        chunk = chunk.Slice(skipped);
        _skipCount -= skipped;
        var needed = _pendingCount + chunk.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(needed, _pending.Length * 2));
        }
        chunk.CopyTo(_pending.AsSpan(_pendingCount));
        _pendingCount = needed;
    }

    // Drops samples before the next frame's start, which no future frame reads.
    private void Discard(int count)
    {
        if (count == 0)
        {
            return;
        }
        if (count >= _pendingCount)
        {
            _skipCount += count - _pendingCount;
            _pendingCount = 0;
            return;
        }
        var keep = _pendingCount - count;
        _pending.AsSpan(count, keep).CopyTo(_pending);
        _pendingCount = keep;
    }
}
