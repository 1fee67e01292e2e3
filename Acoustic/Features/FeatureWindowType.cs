namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// The window applied to each frame before the FFT, with Kaldi's definitions (all symmetric, over
/// the unpadded window length N; i = 0 … N-1).
/// </summary>
public enum FeatureWindowType
{
    /// <summary>Kaldi's default: (0.5 − 0.5·cos(2πi/(N−1)))^0.85, a Hann window that reaches zero at both ends.</summary>
    Povey,

    /// <summary>0.54 − 0.46·cos(2πi/(N−1)).</summary>
    Hamming,

    /// <summary>0.5 − 0.5·cos(2πi/(N−1)).</summary>
    Hanning,

    /// <summary>All ones.</summary>
    Rectangular,

    /// <summary>b − 0.5·cos(2πi/(N−1)) + (0.5 − b)·cos(4πi/(N−1)) with b = <see cref="FbankOptions.BlackmanCoefficient"/>.</summary>
    Blackman,
}
