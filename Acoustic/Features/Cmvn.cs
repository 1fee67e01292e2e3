namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Global cepstral mean and variance normalisation: x ← (x − mean) · invStd per dimension. The two
/// arrays are what a model artifact stores, so that features at inference are normalised exactly as
/// in training; build one from saved arrays or from a <see cref="CmvnAccumulator"/>.
/// </summary>
public sealed class Cmvn
{
    private readonly float[] _mean;
    private readonly float[] _invStd;

    /// <summary>Creates the normalisation from saved arrays (copied).</summary>
    public Cmvn(ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd)
    {
        if (mean.Length == 0 || mean.Length != invStd.Length)
        {
            throw new ArgumentException(
                $"CMVN mean and inverse standard deviation must have the same non-zero length, got {mean.Length} and {invStd.Length}.");
        }
        foreach (var value in mean)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("CMVN mean contains a value that is not finite.", nameof(mean));
            }
        }
        foreach (var value in invStd)
        {
            if (!float.IsFinite(value) || value <= 0)
            {
                throw new ArgumentException("CMVN inverse standard deviations must be finite and positive.", nameof(invStd));
            }
        }
        _mean = mean.ToArray();
        _invStd = invStd.ToArray();
    }

    /// <summary>Values per frame.</summary>
    public int Dim => _mean.Length;

    /// <summary>Per-dimension mean that is subtracted.</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>Per-dimension factor applied after subtracting the mean.</summary>
    public ReadOnlySpan<float> InvStd => _invStd;

    /// <summary>Normalises every frame of <paramref name="features"/> in place.</summary>
    public void Apply(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Dim != Dim)
        {
            throw new ArgumentException($"CMVN is {Dim}-dimensional; features have dimension {features.Dim}.");
        }
        Apply(features.Data);
    }

    /// <summary>Normalises consecutive frames of <see cref="Dim"/> values in place.</summary>
    public void Apply(Span<float> frames)
    {
        if (frames.Length % Dim != 0)
        {
            throw new ArgumentException($"CMVN is {Dim}-dimensional; {frames.Length} values are not a whole number of frames.");
        }
        for (var start = 0; start < frames.Length; start += Dim)
        {
            var frame = frames.Slice(start, Dim);
            for (var d = 0; d < frame.Length; d++)
            {
                frame[d] = (frame[d] - _mean[d]) * _invStd[d];
            }
        }
    }
}
