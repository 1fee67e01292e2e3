namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Collects per-dimension sums over many utterances (in double, so millions of frames stay exact enough)
/// for global mean and variance normalisation; <see cref="ToCmvn"/> turns them into a <see cref="Cmvn"/>.
/// </summary>
public sealed class CmvnAccumulator
{
    private readonly double[] _sum;
    private readonly double[] _sumOfSquares;

    /// <summary>Creates an empty accumulator for features of <paramref name="dim"/> values.</summary>
    public CmvnAccumulator(int dim)
    {
        if (dim <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, "Feature dimension must be positive.");
        }
        _sum = new double[dim];
        _sumOfSquares = new double[dim];
    }

    /// <summary>Values per frame.</summary>
    public int Dim => _sum.Length;

    /// <summary>Frames added so far.</summary>
    public long FrameCount { get; private set; }

    /// <summary>Adds every frame of <paramref name="features"/>.</summary>
    public void Add(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Dim != Dim)
        {
            throw new ArgumentException($"CMVN statistics are {Dim}-dimensional; features have dimension {features.Dim}.");
        }
        for (var f = 0; f < features.Frames; f++)
        {
            AddFrame(features.Row(f));
        }
    }

    /// <summary>Adds one frame.</summary>
    public void AddFrame(ReadOnlySpan<float> frame)
    {
        if (frame.Length != Dim)
        {
            throw new ArgumentException($"CMVN statistics are {Dim}-dimensional; the frame has {frame.Length} values.");
        }
        for (var d = 0; d < frame.Length; d++)
        {
            double v = frame[d];
            _sum[d] += v;
            _sumOfSquares[d] += v * v;
        }
        FrameCount++;
    }

    /// <summary>
    /// The normalisation these statistics give. Variances below <paramref name="varianceFloor"/> are raised
    /// to it, so a constant dimension does not divide by zero. Without <paramref name="normalizeVariance"/>
    /// only the mean is removed (inverse standard deviations of 1).
    /// </summary>
    public Cmvn ToCmvn(bool normalizeVariance = true, double varianceFloor = 1e-10)
    {
        if (FrameCount == 0)
        {
            throw new InvalidOperationException("No frames were accumulated; CMVN statistics need at least one frame.");
        }
        if (!(varianceFloor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(varianceFloor), varianceFloor, "Variance floor must be positive.");
        }
        var mean = new float[Dim];
        var invStd = new float[Dim];
        for (var d = 0; d < Dim; d++)
        {
            var m = _sum[d] / FrameCount;
            var variance = Math.Max((_sumOfSquares[d] / FrameCount) - (m * m), varianceFloor);
            mean[d] = (float)m;
            invStd[d] = normalizeVariance ? (float)(1.0 / Math.Sqrt(variance)) : 1f;
        }
        return new Cmvn(mean, invStd);
    }
}
