namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Kaldi-compatible log-mel filterbank of a whole utterance (equal to
/// <c>torchaudio.compliance.kaldi.fbank</c> within float rounding). Input samples are floats in
/// [−1, 1], scaled by <see cref="FbankOptions.InputScale"/>. With <see cref="FbankOptions.MeanNormalization"/> set,
/// each utterance's frames are then mean-normalised causally, as <see cref="StreamingFilterbank"/> does. One instance reuses its buffers and is
/// not thread-safe; create one per thread.
/// </summary>
public sealed class FilterbankExtractor
{
    private readonly FbankOptions _options;
    private readonly FbankFrameComputer _computer;
    private readonly OnlineMeanNormalizer? _normalizer;

    /// <summary>Validates and copies <paramref name="options"/>.</summary>
    public FilterbankExtractor(FbankOptions options)
        : this(options, 1.0)
    {
    }

    /// <summary>
    /// Validates and copies <paramref name="options"/>, with the mel filters warped by <paramref name="warpFactor"/>
    /// (<see cref="VtlnWarp"/>): vocal tract length perturbation of training data. The warp is not part of the
    /// options, so models never store it and serving features stay unwarped.
    /// </summary>
    public FilterbankExtractor(FbankOptions options, double warpFactor)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        VtlnWarp.Validate(warpFactor);
        _options = options.Clone();
        _computer = new FbankFrameComputer(_options, warpFactor);
        _normalizer = _options.MeanNormalization is { } norm ? new OnlineMeanNormalizer(norm, _computer.Dim) : null;
    }

    /// <summary>A copy of the options in use.</summary>
    public FbankOptions Options => _options.Clone();

    /// <summary>Values per frame.</summary>
    public int Dim => _computer.Dim;

    /// <summary>Features of <paramref name="samples"/>; fewer samples than one window give zero frames.</summary>
    public FeatureMatrix Compute(ReadOnlySpan<float> samples)
    {
        var frames = _options.FrameCount(samples.Length);
        var result = new FeatureMatrix(frames, Dim);
        Compute(samples, result.Data);
        return result;
    }

    /// <summary>
    /// Writes the features of <paramref name="samples"/> into <paramref name="destination"/>, which needs
    /// room for <see cref="FbankOptions.FrameCount"/> × <see cref="Dim"/> values; returns the frame count.
    /// </summary>
    public int Compute(ReadOnlySpan<float> samples, Span<float> destination)
    {
        var frames = _options.FrameCount(samples.Length);
        var dim = Dim;
        if (destination.Length < frames * dim)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {frames} frames need {frames * dim}.");
        }
        // Each call stands alone, so dither noise restarts from its seed, as a fresh stream would.
        _computer.Reset();
        _normalizer?.Reset();
        var shift = _options.WindowShift;
        var window = _computer.WindowLength;
        for (var f = 0; f < frames; f++)
        {
            _computer.Compute(samples.Slice(f * shift, window), destination.Slice(f * dim, dim));
            _normalizer?.Apply(destination.Slice(f * dim, dim));
        }
        return frames;
    }
}
