using System.Numerics;

namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// The one per-frame computation shared by <see cref="FilterbankExtractor"/> and
/// <see cref="StreamingFilterbank"/>: window samples in, one feature row out, no allocation per frame.
/// Because both extractors call this same code on the same samples in the same order, streaming and
/// whole-utterance output are identical bit for bit.
/// </summary>
internal sealed class FbankFrameComputer
{
    // numeric_limits<float>::epsilon(): Kaldi's floor before every log.
    private const float LogFloor = 1.1920929e-07f;

    private readonly FbankOptions _options;
    private readonly int _windowLength;
    private readonly float _preemphasis;
    private readonly float[] _scaledWindow;
    private readonly float[] _dithered;
    private readonly float[] _centred;
    private readonly float[] _padded;
    private readonly float[] _spectrum;
    private readonly float[] _melEnergies;
    private readonly RealFft _fft;
    private readonly MelFilterBank _melBank;
    private readonly float _logEnergyFloor;
    private Random _ditherRandom;

    /// <param name="options">Validated options; the caller keeps its own copy unchanged.</param>
    /// <param name="warpFactor">VTLN warp of the mel filters (training-time augmentation only); 1: none.</param>
    public FbankFrameComputer(FbankOptions options, double warpFactor = 1.0)
    {
        _options = options;
        _windowLength = options.WindowLength;
        _preemphasis = options.PreemphasisCoefficient;
        // Dither noise is in the scaled (int16) domain, so scale first then; otherwise fold the
        // scale into the window (exact for the default 32768, a power of two).
        var windowScale = options.Dither > 0 ? 1f : options.InputScale;
        _scaledWindow = FeatureWindow.Create(options.WindowType, _windowLength, options.BlackmanCoefficient);
        for (var i = 0; i < _scaledWindow.Length; i++)
        {
            _scaledWindow[i] *= windowScale;
        }
        _dithered = options.Dither > 0 ? new float[_windowLength] : [];
        _centred = new float[_windowLength];
        _padded = new float[options.PaddedWindowLength];
        _spectrum = new float[(options.PaddedWindowLength / 2) + 1];
        _melEnergies = new float[options.NumMelBins];
        _fft = new RealFft(options.PaddedWindowLength);
        _melBank = new MelFilterBank(options, warpFactor);
        _logEnergyFloor = options.EnergyFloor > 0 ? MathF.Log(options.EnergyFloor) : float.NegativeInfinity;
        _ditherRandom = new Random(options.DitherSeed);
    }

    /// <summary>Values per output frame.</summary>
    public int Dim => _options.FeatureDim;

    /// <summary>Samples one frame reads.</summary>
    public int WindowLength => _windowLength;

    /// <summary>Restarts the dither noise sequence, so a reset stream repeats its first run exactly.</summary>
    public void Reset() => _ditherRandom = new Random(_options.DitherSeed);

    /// <summary>Computes one feature row from exactly <see cref="WindowLength"/> input samples.</summary>
    public void Compute(ReadOnlySpan<float> window, Span<float> output)
    {
        if (window.Length != _windowLength || output.Length != Dim)
        {
            throw new ArgumentException($"Expected {_windowLength} samples and room for {Dim} features.");
        }

        var source = window;
        var scale = _options.InputScale;
        if (_options.Dither > 0)
        {
            AddDither(window, _dithered);
            source = _dithered;
            scale = 1f;
        }

        var mean = _options.RemoveDcOffset ? Mean(source) : 0f;
        var centred = _centred.AsSpan();
        Subtract(source, mean, centred);

        var logEnergy = 0f;
        if (_options.UseEnergy && _options.RawEnergy)
        {
            logEnergy = LogEnergy(SumOfSquares(centred) * scale * scale);
        }

        PreemphasiseAndWindow(centred, _padded.AsSpan(0, _windowLength));
        if (_options.UseEnergy && !_options.RawEnergy)
        {
            logEnergy = LogEnergy(SumOfSquares(_padded.AsSpan(0, _windowLength)));
        }

        var spectrum = _spectrum.AsSpan();
        _fft.PowerSpectrum(_padded, spectrum);
        if (!_options.UsePower)
        {
            for (var k = 0; k < spectrum.Length; k++)
            {
                spectrum[k] = MathF.Sqrt(spectrum[k]);
            }
        }

        var mel = _melEnergies.AsSpan();
        _melBank.Apply(spectrum, mel);
        var features = output;
        if (_options.UseEnergy)
        {
            output[0] = logEnergy;
            features = output.Slice(1);
        }
        if (_options.UseLogFbank)
        {
            for (var m = 0; m < mel.Length; m++)
            {
                features[m] = MathF.Log(MathF.Max(mel[m], LogFloor));
            }
        }
        else
        {
            mel.CopyTo(features);
        }
    }

    private float LogEnergy(float energy) => MathF.Max(MathF.Log(MathF.Max(energy, LogFloor)), _logEnergyFloor);

    // x[i] −= c·x[i−1] from the end down (i.e. using the un-emphasised neighbour), x[0] −= c·x[0]; then the window.
    private void PreemphasiseAndWindow(ReadOnlySpan<float> centred, Span<float> destination)
    {
        var c = _preemphasis;
        var window = _scaledWindow.AsSpan();
        destination[0] = (centred[0] - (c * centred[0])) * window[0];
        var i = 1;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var coefficient = new Vector<float>(c);
            for (; i <= centred.Length - width; i += width)
            {
                var current = new Vector<float>(centred.Slice(i));
                var previous = new Vector<float>(centred.Slice(i - 1));
                ((current - (coefficient * previous)) * new Vector<float>(window.Slice(i))).CopyTo(destination.Slice(i));
            }
        }
        for (; i < centred.Length; i++)
        {
            destination[i] = (centred[i] - (c * centred[i - 1])) * window[i];
        }
    }

    private void AddDither(ReadOnlySpan<float> window, Span<float> destination)
    {
        var scale = _options.InputScale;
        var dither = _options.Dither;
        for (var i = 0; i < window.Length; i++)
        {
            destination[i] = (window[i] * scale) + (dither * NextGaussian());
        }
    }

    // Box–Muller; one value per call keeps the sequence independent of how frames are grouped.
    private float NextGaussian()
    {
        var u1 = 1.0 - _ditherRandom.NextDouble();
        var u2 = _ditherRandom.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    // Summed in double: integer-valued (int16-scaled) samples then give the exact mean, so a constant
    // window becomes exactly zero, as in the float32 reference.
    private static float Mean(ReadOnlySpan<float> samples)
    {
        var i = 0;
        var sums = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= samples.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(samples.Slice(i)), out var low, out var high);
                sums += low + high;
            }
        }
        var sum = Vector.Sum(sums);
        for (; i < samples.Length; i++)
        {
            sum += samples[i];
        }
        return (float)(sum / samples.Length);
    }

    private static void Subtract(ReadOnlySpan<float> source, float value, Span<float> destination)
    {
        var i = 0;
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var offset = new Vector<float>(value);
            for (; i <= source.Length - width; i += width)
            {
                (new Vector<float>(source.Slice(i)) - offset).CopyTo(destination.Slice(i));
            }
        }
        for (; i < source.Length; i++)
        {
            destination[i] = source[i] - value;
        }
    }

    private static float SumOfSquares(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v * (double)v;
        }
        return (float)sum;
    }
}
