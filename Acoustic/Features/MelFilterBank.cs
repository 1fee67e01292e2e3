namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Kaldi's triangular mel filters, stored sparsely: each bin keeps only the run of FFT bins where its
/// weight is positive (one contiguous run, since the filters are triangles), so applying the bank costs
/// about two multiply-adds per FFT bin instead of <c>bins × FFT bins</c>.
/// </summary>
/// <remarks>
/// Maths as in Kaldi's MelBanks and torchaudio's get_mel_banks: mel(f) = 1127·ln(1 + f/700); bin m has
/// left/centre/right edges at mel_low + (m, m+1, m+2)·Δ with Δ = (mel_high − mel_low)/(bins + 1); FFT bin
/// k (0 ≤ k &lt; N/2, the Nyquist bin always gets weight 0) sits at mel(k·fs/N) and gets
/// max(0, min(up slope, down slope)).
/// </remarks>
internal sealed class MelFilterBank
{
    private readonly int[] _firstIndex;
    private readonly float[][] _weights;

    /// <param name="options">Validated options.</param>
    /// <param name="warpFactor">VTLN warp of the filters' edges (<see cref="VtlnWarp"/>); 1 leaves Kaldi's filters as they are.</param>
    public MelFilterBank(FbankOptions options, double warpFactor = 1.0)
    {
        var bins = options.NumMelBins;
        _firstIndex = new int[bins];
        _weights = new float[bins][];
        for (var m = 0; m < bins; m++)
        {
            var (first, weights) = ComputeBin(options, m, warpFactor);
            _firstIndex[m] = first;
            _weights[m] = weights;
        }
    }

    public int BinCount => _weights.Length;

    /// <summary>Index of the first FFT bin with a positive weight in mel bin <paramref name="bin"/>.</summary>
    public int FirstIndex(int bin) => _firstIndex[bin];

    /// <summary>The positive weights of mel bin <paramref name="bin"/>, starting at <see cref="FirstIndex"/>.</summary>
    public ReadOnlySpan<float> Weights(int bin) => _weights[bin];

    /// <summary>Weighted sums of <paramref name="spectrum"/> (length ≥ N/2) into <paramref name="energies"/>.</summary>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> energies)
    {
        for (var m = 0; m < _weights.Length; m++)
        {
            var weights = _weights[m];
            energies[m] = Dot(spectrum.Slice(_firstIndex[m], weights.Length), weights);
        }
    }

    /// <summary>The first mel bin with no positive weight, or −1 when every bin covers some FFT bin.</summary>
    public static int FindEmptyBin(FbankOptions options)
    {
        for (var m = 0; m < options.NumMelBins; m++)
        {
            if (ComputeBin(options, m, 1.0).Weights.Length == 0)
            {
                return m;
            }
        }
        return -1;
    }

    public static double MelScale(double hz) => 1127.0 * Math.Log(1.0 + (hz / 700.0));

    /// <summary>Inverse of <see cref="MelScale"/>.</summary>
    public static double InverseMelScale(double mel) => 700.0 * (Math.Exp(mel / 1127.0) - 1.0);

    private static (int First, float[] Weights) ComputeBin(FbankOptions options, int bin, double warpFactor)
    {
        var padded = options.PaddedWindowLength;
        var fftBins = padded / 2;
        var binWidthHz = options.SampleFrequency / padded;
        var melLow = MelScale(options.LowFreq);
        var melHigh = MelScale(options.EffectiveHighFreq);
        var delta = (melHigh - melLow) / (options.NumMelBins + 1);
        var left = melLow + (bin * delta);
        var centre = melLow + ((bin + 1) * delta);
        var right = melLow + ((bin + 2) * delta);
        if (warpFactor != 1.0)
        {
            // As Kaldi's VTLN: warp each edge in Hz, keeping the bank's overall range.
            left = WarpMel(left, warpFactor, options);
            centre = WarpMel(centre, warpFactor, options);
            right = WarpMel(right, warpFactor, options);
        }

        var first = -1;
        var last = -1;
        var dense = new double[fftBins];
        for (var k = 0; k < fftBins; k++)
        {
            var mel = MelScale(binWidthHz * k);
            var weight = Math.Max(0.0, Math.Min((mel - left) / (centre - left), (right - mel) / (right - centre)));
            if (weight > 0)
            {
                dense[k] = weight;
                if (first < 0)
                {
                    first = k;
                }
                last = k;
            }
        }
        if (first < 0)
        {
            return (0, []);
        }
        var weights = new float[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            weights[k - first] = (float)dense[k];
        }
        return (first, weights);
    }

    private static double WarpMel(double mel, double factor, FbankOptions options) =>
        MelScale(VtlnWarp.WarpHz(InverseMelScale(mel), factor, options.LowFreq, options.EffectiveHighFreq));

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= System.Numerics.Vector<float>.Count)
        {
            var acc = System.Numerics.Vector<float>.Zero;
            var width = System.Numerics.Vector<float>.Count;
            for (; i <= a.Length - width; i += width)
            {
                acc += new System.Numerics.Vector<float>(a.Slice(i)) * new System.Numerics.Vector<float>(b.Slice(i));
            }
            sum = System.Numerics.Vector.Sum(acc);
        }
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
