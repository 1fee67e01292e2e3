namespace AcousticDistill.Acoustic.Augmentation;

/// <summary>
/// A second-order IIR section (direct form I), designed by the RBJ audio-EQ formulas: enough to band-limit audio the
/// way a telephone line does, without an FFT.
/// </summary>
public sealed class Biquad
{
    private readonly double _b0, _b1, _b2, _a1, _a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        (_b0, _b1, _b2, _a1, _a2) = (b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /// <summary>A Butterworth-like (Q = 1/√2) low-pass at <paramref name="cutoffHz"/>.</summary>
    public static Biquad LowPass(double cutoffHz, int sampleRate)
    {
        var (cos, alpha) = Shape(cutoffHz, sampleRate);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>A Butterworth-like (Q = 1/√2) high-pass at <paramref name="cutoffHz"/>.</summary>
    public static Biquad HighPass(double cutoffHz, int sampleRate)
    {
        var (cos, alpha) = Shape(cutoffHz, sampleRate);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Filters <paramref name="samples"/> in place, starting from silence.</summary>
    public void Apply(Span<float> samples)
    {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            double x = samples[i];
            var y = _b0 * x + _b1 * x1 + _b2 * x2 - _a1 * y1 - _a2 * y2;
            (x2, x1, y2, y1) = (x1, x, y1, y);
            samples[i] = (float)y;
        }
    }

    private static (double Cos, double Alpha) Shape(double cutoffHz, int sampleRate)
    {
        if (sampleRate <= 0 || !(cutoffHz > 0) || cutoffHz >= sampleRate / 2.0)
        {
            throw new ArgumentException($"A filter cut-off must lie in (0, {sampleRate / 2.0}) Hz at {sampleRate} Hz; got {cutoffHz}.");
        }
        var omega = 2 * Math.PI * cutoffHz / sampleRate;
        return (Math.Cos(omega), Math.Sin(omega) / (2 * Math.Sqrt(0.5)));
    }
}
