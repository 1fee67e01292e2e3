namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Kaldi's piecewise-linear vocal tract length warp of the frequency axis (<c>VtlnWarpFreq</c>): frequencies are
/// scaled by 1/α between two knee points and joined linearly to the fixed low and high cut-offs outside them, so
/// the filterbank's range stays the same. Applied to the mel filters' edges, a factor α &gt; 1 moves every filter
/// down in Hz (the spectrum looks stretched, as from a shorter vocal tract), α &lt; 1 moves them up. Used at training
/// time to simulate new speakers (VTLP, Jaitly and Hinton 2013); serving features are never warped.
/// </summary>
public static class VtlnWarp
{
    /// <summary>Lower knee in Hz (Kaldi's <c>--vtln-low</c> default).</summary>
    public const double LowCutoff = 100;

    /// <summary>Upper knee as an offset below the high cut-off in Hz (Kaldi's <c>--vtln-high</c> default, −500).</summary>
    public const double HighCutoffOffset = 500;

    /// <summary>
    /// Warps <paramref name="hz"/> by <paramref name="factor"/> within [<paramref name="lowFreq"/>,
    /// <paramref name="highFreq"/>]; frequencies outside are returned unchanged, and factor 1 is the identity.
    /// </summary>
    public static double WarpHz(double hz, double factor, double lowFreq, double highFreq)
    {
        if (factor == 1.0 || hz < lowFreq || hz > highFreq)
        {
            return hz;
        }
        var highCutoff = highFreq - HighCutoffOffset;
        var l = LowCutoff * Math.Max(1.0, factor);
        var h = highCutoff * Math.Min(1.0, factor);
        var scale = 1.0 / factor;
        var fl = scale * l;
        var fh = scale * h;
        if (hz < l)
        {
            return lowFreq + ((fl - lowFreq) * (hz - lowFreq) / (l - lowFreq));
        }
        if (hz < h)
        {
            return scale * hz;
        }
        return highFreq + ((fh - highFreq) * (hz - highFreq) / (h - highFreq));
    }

    /// <summary>Throws unless <paramref name="factor"/> is a usable warp factor (within [0.5, 2]).</summary>
    public static void Validate(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0.5 || factor > 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A VTLN warp factor must be in [0.5, 2].");
        }
    }
}
