using System.Numerics;

namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Power spectrum |X[k]|², k = 0 … N/2, of a real frame of even length N, in float32 with no
/// allocation per call. For N a power of two it packs the frame into an N/2-point complex signal
/// (even samples real, odd imaginary), runs an iterative radix-2 FFT with precomputed bit reversal
/// and per-stage twiddles (vectorised once a stage's butterflies span a SIMD register), then splits
/// the result into the real spectrum. Other even N (RoundToPowerOfTwo off) use a direct DFT, as Kaldi does.
/// </summary>
internal sealed class RealFft
{
    private readonly int _length;
    private readonly int _half;
    private readonly bool _isPowerOfTwo;
    private readonly int[] _bitReversed;
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly float[] _splitCos;
    private readonly float[] _splitSin;
    private readonly float[] _re;
    private readonly float[] _im;

    public RealFft(int length)
    {
        if (length < 2 || length % 2 != 0)
        {
            throw new ArgumentException($"FFT length must be even and at least 2, got {length}.", nameof(length));
        }
        _length = length;
        _half = length / 2;
        _isPowerOfTwo = BitOperations.IsPow2(length);
        _re = new float[_half];
        _im = new float[_half];
        _splitCos = new float[_half];
        _splitSin = new float[_half];
        for (var k = 0; k < _half; k++)
        {
            var angle = 2.0 * Math.PI * k / length;
            _splitCos[k] = (float)Math.Cos(angle);
            _splitSin[k] = (float)Math.Sin(angle);
        }

        if (_isPowerOfTwo)
        {
            _bitReversed = BuildBitReversal(_half);
            // Stage with butterfly half-width h keeps its h twiddles at [h − 1, 2h − 1).
            _stageCos = new float[Math.Max(_half - 1, 1)];
            _stageSin = new float[Math.Max(_half - 1, 1)];
            for (var h = 1; h < _half; h *= 2)
            {
                for (var j = 0; j < h; j++)
                {
                    var angle = Math.PI * j / h;
                    _stageCos[h - 1 + j] = (float)Math.Cos(angle);
                    _stageSin[h - 1 + j] = (float)-Math.Sin(angle);
                }
            }
        }
        else
        {
            _bitReversed = [];
            // Direct DFT of length N: keep cos/sin of 2πm/N for m = 0 … N−1.
            _stageCos = new float[length];
            _stageSin = new float[length];
            for (var m = 0; m < length; m++)
            {
                var angle = 2.0 * Math.PI * m / length;
                _stageCos[m] = (float)Math.Cos(angle);
                _stageSin[m] = (float)Math.Sin(angle);
            }
        }
    }

    /// <summary>FFT length N.</summary>
    public int Length => _length;

    /// <summary>Writes |X[k]|² for k = 0 … N/2 into <paramref name="power"/> (length ≥ N/2 + 1).</summary>
    public void PowerSpectrum(ReadOnlySpan<float> frame, Span<float> power)
    {
        if (frame.Length != _length || power.Length < _half + 1)
        {
            throw new ArgumentException($"Expected a frame of {_length} samples and room for {_half + 1} powers.");
        }
        if (!_isPowerOfTwo)
        {
            DirectPowerSpectrum(frame, power);
            return;
        }

        var re = _re.AsSpan();
        var im = _im.AsSpan();
        var reversed = _bitReversed.AsSpan(0, _half);
        for (var k = 0; k < re.Length; k++)
        {
            var source = 2 * reversed[k];
            re[k] = frame[source];
            im[k] = frame[source + 1];
        }
        ComplexFftInPlace(re, im);
        SplitToPower(re, im, power);
    }

    private void ComplexFftInPlace(Span<float> re, Span<float> im)
    {
        var n = re.Length;
        var firstGeneralStage = 1;
        if (n >= 4)
        {
            FirstTwoStages(re, im);
            firstGeneralStage = 4;
        }
        var width = Vector<float>.Count;
        for (var h = firstGeneralStage; h < n; h *= 2)
        {
            var cos = _stageCos.AsSpan(h - 1, h);
            var sin = _stageSin.AsSpan(h - 1, h);
            for (var start = 0; start < n; start += 2 * h)
            {
                var aRe = re.Slice(start, h);
                var aIm = im.Slice(start, h);
                var bRe = re.Slice(start + h, h);
                var bIm = im.Slice(start + h, h);
                var j = 0;
                if (Vector.IsHardwareAccelerated && h >= width)
                {
                    for (; j <= h - width; j += width)
                    {
                        var wr = new Vector<float>(cos.Slice(j));
                        var wi = new Vector<float>(sin.Slice(j));
                        var br = new Vector<float>(bRe.Slice(j));
                        var bi = new Vector<float>(bIm.Slice(j));
                        var tr = (wr * br) - (wi * bi);
                        var ti = (wr * bi) + (wi * br);
                        var ar = new Vector<float>(aRe.Slice(j));
                        var ai = new Vector<float>(aIm.Slice(j));
                        (ar - tr).CopyTo(bRe.Slice(j));
                        (ai - ti).CopyTo(bIm.Slice(j));
                        (ar + tr).CopyTo(aRe.Slice(j));
                        (ai + ti).CopyTo(aIm.Slice(j));
                    }
                }
                for (; j < h; j++)
                {
                    var tr = (cos[j] * bRe[j]) - (sin[j] * bIm[j]);
                    var ti = (cos[j] * bIm[j]) + (sin[j] * bRe[j]);
                    bRe[j] = aRe[j] - tr;
                    bIm[j] = aIm[j] - ti;
                    aRe[j] += tr;
                    aIm[j] += ti;
                }
            }
        }
    }

    // Stages with half-widths 1 and 2 as one radix-4 pass: their twiddles are 1 and −i, so no multiplies.
    private static void FirstTwoStages(Span<float> re, Span<float> im)
    {
        for (var q = 0; q + 3 < re.Length; q += 4)
        {
            var s0Re = re[q] + re[q + 1];
            var s0Im = im[q] + im[q + 1];
            var s1Re = re[q] - re[q + 1];
            var s1Im = im[q] - im[q + 1];
            var s2Re = re[q + 2] + re[q + 3];
            var s2Im = im[q + 2] + im[q + 3];
            var s3Re = re[q + 2] - re[q + 3];
            var s3Im = im[q + 2] - im[q + 3];
            re[q] = s0Re + s2Re;
            im[q] = s0Im + s2Im;
            re[q + 2] = s0Re - s2Re;
            im[q + 2] = s0Im - s2Im;
            // −i · s3 = (s3Im, −s3Re)
            re[q + 1] = s1Re + s3Im;
            im[q + 1] = s1Im - s3Re;
            re[q + 3] = s1Re - s3Im;
            im[q + 3] = s1Im + s3Re;
        }
    }

    // X[k] = E[k] + W^k·O[k] with E = (Z[k] + conj Z[M−k])/2, O = (Z[k] − conj Z[M−k])/(2i), W = e^(−2πi/N).
    // X[M−k] reuses the same E and O (W^(M−k) = −conj W^k), so each iteration yields two bins.
    private void SplitToPower(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> power)
    {
        var m = _half;
        var dc = re[0] + im[0];
        var nyquist = re[0] - im[0];
        power[0] = dc * dc;
        power[m] = nyquist * nyquist;
        var k = 1;
        for (; k < m - k; k++)
        {
            var a = re[k];
            var b = im[k];
            var c = re[m - k];
            var d = im[m - k];
            var evenRe = 0.5f * (a + c);
            var evenIm = 0.5f * (b - d);
            var oddRe = 0.5f * (b + d);
            var oddIm = 0.5f * (c - a);
            var cos = _splitCos[k];
            var sin = _splitSin[k];
            var p = (cos * oddRe) + (sin * oddIm);
            var q = (cos * oddIm) - (sin * oddRe);
            var xr = evenRe + p;
            var xi = evenIm + q;
            var yr = evenRe - p;
            var yi = q - evenIm;
            power[k] = (xr * xr) + (xi * xi);
            power[m - k] = (yr * yr) + (yi * yi);
        }
        if (k == m - k)
        {
            // Middle bin N/4: W^k = −i, E = (a, 0), O = (b, 0) ⇒ X = (a, −b).
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }
    }

    private void DirectPowerSpectrum(ReadOnlySpan<float> frame, Span<float> power)
    {
        for (var k = 0; k <= _half; k++)
        {
            double sumRe = 0;
            double sumIm = 0;
            var index = 0;
            for (var t = 0; t < _length; t++)
            {
                sumRe += frame[t] * _stageCos[index];
                sumIm -= frame[t] * _stageSin[index];
                index += k;
                if (index >= _length)
                {
                    index -= _length;
                }
            }
            power[k] = (float)((sumRe * sumRe) + (sumIm * sumIm));
        }
    }

    private static int[] BuildBitReversal(int n)
    {
        var bits = BitOperations.Log2((uint)n);
        var table = new int[n];
        for (var i = 0; i < n; i++)
        {
            var reversed = 0;
            for (var b = 0; b < bits; b++)
            {
                reversed |= ((i >> b) & 1) << (bits - 1 - b);
            }
            table[i] = reversed;
        }
        return table;
    }
}
