using System.Text.Json.Serialization;

namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Settings of the Kaldi-compatible log-mel filterbank (<c>compute-fbank-feats</c>,
/// <c>torchaudio.compliance.kaldi.fbank</c>). Property names follow Kaldi's option names
/// (<c>--frame-length</c> → <see cref="FrameLengthMs"/> and so on); defaults are Kaldi's except
/// <see cref="NumMelBins"/> (40 here, the project's convention; Kaldi's own default is 23) and
/// <see cref="EnergyFloor"/> (0, i.e. no floor, as with dither 0).
/// </summary>
/// <remarks>
/// Input convention: extractors take float samples in [−1, 1] (what <c>WavDecoder</c> returns) and
/// multiply them by <see cref="InputScale"/> (32768 by default), so that the numbers equal what Kaldi
/// computes from the same 16-bit WAV file, which it reads as raw integer values.
/// </remarks>
public sealed class FbankOptions
{
    /// <summary>Sample rate of the input in Hz (<c>--sample-frequency</c>).</summary>
    public double SampleFrequency { get; set; } = 16000;

    /// <summary>Frame (window) length in milliseconds (<c>--frame-length</c>).</summary>
    public double FrameLengthMs { get; set; } = 25;

    /// <summary>Frame shift in milliseconds (<c>--frame-shift</c>).</summary>
    public double FrameShiftMs { get; set; } = 10;

    /// <summary>
    /// Standard deviation of Gaussian noise added to each (scaled) sample (<c>--dither</c>); 0 turns it off.
    /// The noise comes from a generator seeded with <see cref="DitherSeed"/>, so runs are repeatable.
    /// </summary>
    public float Dither { get; set; }

    /// <summary>Seed of the dither noise generator (not a Kaldi option; Kaldi seeds from the clock).</summary>
    public int DitherSeed { get; set; } = 1234;

    /// <summary>Pre-emphasis coefficient in [0, 1] (<c>--preemphasis-coefficient</c>).</summary>
    public float PreemphasisCoefficient { get; set; } = 0.97f;

    /// <summary>Subtract each frame's mean before pre-emphasis (<c>--remove-dc-offset</c>).</summary>
    public bool RemoveDcOffset { get; set; } = true;

    /// <summary>Window function (<c>--window-type</c>).</summary>
    public FeatureWindowType WindowType { get; set; } = FeatureWindowType.Povey;

    /// <summary>Constant of the generalised Blackman window (<c>--blackman-coeff</c>).</summary>
    public float BlackmanCoefficient { get; set; } = 0.42f;

    /// <summary>Zero-pad each window to the next power of two before the FFT (<c>--round-to-power-of-two</c>).</summary>
    public bool RoundToPowerOfTwo { get; set; } = true;

    /// <summary>
    /// Output only frames that fit entirely in the signal (<c>--snip-edges</c>). Only <c>true</c> is
    /// supported: Kaldi's <c>false</c> mode reflects the signal at both ends.
    /// </summary>
    public bool SnipEdges { get; set; } = true;

    /// <summary>Number of triangular mel bins (<c>--num-mel-bins</c>).</summary>
    public int NumMelBins { get; set; } = 40;

    /// <summary>Low cut-off of the mel bins in Hz (<c>--low-freq</c>).</summary>
    public double LowFreq { get; set; } = 20;

    /// <summary>High cut-off of the mel bins in Hz (<c>--high-freq</c>); zero or negative means an offset from Nyquist.</summary>
    public double HighFreq { get; set; }

    /// <summary>Use the power spectrum (true) or the magnitude spectrum (<c>--use-power</c>).</summary>
    public bool UsePower { get; set; } = true;

    /// <summary>Output log filterbank energies (true) or linear ones (<c>--use-log-fbank</c>).</summary>
    public bool UseLogFbank { get; set; } = true;

    /// <summary>Prepend the log energy of the frame as an extra first column (<c>--use-energy</c>).</summary>
    public bool UseEnergy { get; set; }

    /// <summary>Measure that energy before pre-emphasis and windowing (<c>--raw-energy</c>).</summary>
    public bool RawEnergy { get; set; } = true;

    /// <summary>Floor on the energy column (absolute, not log; <c>--energy-floor</c>); 0 means no floor.</summary>
    public float EnergyFloor { get; set; }

    /// <summary>
    /// Factor applied to input samples before anything else: 32768 turns [−1, 1] floats into the
    /// 16-bit integer scale that Kaldi and the torchaudio reference use. Use 1 for already-scaled input.
    /// </summary>
    public float InputScale { get; set; } = 32768f;

    /// <summary>
    /// Causal per-utterance mean normalisation applied to every frame after the filterbank (null: none, the Kaldi
    /// features as they are). Not written to JSON when null, so artifacts without it are unchanged and older ones load.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OnlineMeanNormalization? MeanNormalization { get; set; }

    /// <summary>Window length in samples: ⌊SampleFrequency · FrameLengthMs / 1000⌋ (truncated, as Kaldi does).</summary>
    public int WindowLength => (int)(SampleFrequency * FrameLengthMs * 0.001);

    /// <summary>Frame shift in samples: ⌊SampleFrequency · FrameShiftMs / 1000⌋.</summary>
    public int WindowShift => (int)(SampleFrequency * FrameShiftMs * 0.001);

    /// <summary>FFT length: the window length, rounded up to a power of two when <see cref="RoundToPowerOfTwo"/> is set.</summary>
    public int PaddedWindowLength => RoundToPowerOfTwo ? (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)WindowLength) : WindowLength;

    /// <summary>Values per output frame: <see cref="NumMelBins"/>, plus one when <see cref="UseEnergy"/> is set.</summary>
    public int FeatureDim => NumMelBins + (UseEnergy ? 1 : 0);

    /// <summary>Mel bin upper edge in Hz after resolving a non-positive <see cref="HighFreq"/> against Nyquist.</summary>
    public double EffectiveHighFreq => HighFreq <= 0 ? HighFreq + (0.5 * SampleFrequency) : HighFreq;

    /// <summary>Number of frames produced from <paramref name="sampleCount"/> samples (snip-edges rule).</summary>
    public int FrameCount(long sampleCount)
    {
        var window = WindowLength;
        return sampleCount < window ? 0 : checked((int)(1 + ((sampleCount - window) / WindowShift)));
    }

    /// <summary>Returns a copy, so that an extractor is not affected by later changes to these options.</summary>
    public FbankOptions Clone()
    {
        var copy = (FbankOptions)MemberwiseClone();
        copy.MeanNormalization = MeanNormalization?.Clone();
        return copy;
    }

    /// <summary>
    /// Checks every value and throws <see cref="ArgumentException"/> naming the first bad one, including
    /// mel bin layouts where some bin would cover no FFT bin at all (Kaldi's "num-mel-bins too large").
    /// </summary>
    public void Validate()
    {
        Require(double.IsFinite(SampleFrequency) && SampleFrequency > 0,
            $"SampleFrequency must be a positive number of Hz, got {SampleFrequency}.");
        Require(double.IsFinite(FrameLengthMs) && FrameLengthMs > 0,
            $"FrameLengthMs must be positive, got {FrameLengthMs}.");
        Require(double.IsFinite(FrameShiftMs) && FrameShiftMs > 0,
            $"FrameShiftMs must be positive, got {FrameShiftMs}.");
        Require(WindowLength >= 2,
            $"FrameLengthMs {FrameLengthMs} at {SampleFrequency} Hz gives a window of {WindowLength} samples; at least 2 are needed.");
        Require(WindowLength <= 1 << 20,
            $"FrameLengthMs {FrameLengthMs} at {SampleFrequency} Hz gives a window of {WindowLength} samples; at most {1 << 20} are supported.");
        Require(WindowShift >= 1,
            $"FrameShiftMs {FrameShiftMs} at {SampleFrequency} Hz gives a shift of {WindowShift} samples; at least 1 is needed.");
        Require(PaddedWindowLength % 2 == 0,
            $"The FFT length {PaddedWindowLength} must be even: set RoundToPowerOfTwo or choose a FrameLengthMs giving an even window.");
        Require(float.IsFinite(Dither) && Dither >= 0, $"Dither must be zero or positive, got {Dither}.");
        Require(PreemphasisCoefficient is >= 0f and <= 1f,
            $"PreemphasisCoefficient must be in [0, 1], got {PreemphasisCoefficient}.");
        Require(Enum.IsDefined(WindowType), $"WindowType {(int)WindowType} is not a known window.");
        Require(float.IsFinite(BlackmanCoefficient), "BlackmanCoefficient must be a finite number.");
        Require(SnipEdges,
            "SnipEdges = false (reflecting the signal at its ends) is not supported; use SnipEdges = true.");
        Require(NumMelBins >= 3, $"NumMelBins must be at least 3, got {NumMelBins}.");
        Require(float.IsFinite(EnergyFloor) && EnergyFloor >= 0, $"EnergyFloor must be zero or positive, got {EnergyFloor}.");
        Require(float.IsFinite(InputScale) && InputScale > 0, $"InputScale must be positive, got {InputScale}.");

        var nyquist = 0.5 * SampleFrequency;
        Require(double.IsFinite(LowFreq) && LowFreq >= 0 && LowFreq < nyquist,
            $"LowFreq must be in [0, Nyquist = {nyquist} Hz), got {LowFreq}.");
        var high = EffectiveHighFreq;
        Require(double.IsFinite(HighFreq) && high > 0 && high <= nyquist,
            $"HighFreq {HighFreq} resolves to {high} Hz, which must be in (0, Nyquist = {nyquist} Hz].");
        Require(LowFreq < high, $"LowFreq {LowFreq} Hz must be below the high cut-off {high} Hz.");

        MeanNormalization?.Validate(FeatureDim);

        var emptyBin = MelFilterBank.FindEmptyBin(this);
        Require(emptyBin < 0,
            $"NumMelBins {NumMelBins} is too many for a {PaddedWindowLength}-point FFT at {SampleFrequency} Hz " +
            $"between {LowFreq} and {high} Hz: mel bin {emptyBin} covers no FFT bin. Use fewer bins or a longer window.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid filterbank options: {message}");
        }
    }
}
