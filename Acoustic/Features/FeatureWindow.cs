namespace AcousticDistill.Acoustic.Features;

/// <summary>Builds the per-frame window functions of <see cref="FeatureWindowType"/>.</summary>
internal static class FeatureWindow
{
    public static float[] Create(FeatureWindowType type, int length, float blackmanCoefficient)
    {
        var window = new float[length];
        var a = 2.0 * Math.PI / (length - 1);
        for (var i = 0; i < length; i++)
        {
            var hann = 0.5 - (0.5 * Math.Cos(a * i));
            window[i] = (float)(type switch
            {
                FeatureWindowType.Povey => Math.Pow(hann, 0.85),
                FeatureWindowType.Hanning => hann,
                FeatureWindowType.Hamming => 0.54 - (0.46 * Math.Cos(a * i)),
                FeatureWindowType.Rectangular => 1.0,
                FeatureWindowType.Blackman => blackmanCoefficient - (0.5 * Math.Cos(a * i))
                                             + ((0.5 - blackmanCoefficient) * Math.Cos(2 * a * i)),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown window type."),
            });
        }
        return window;
    }
}
