namespace AcousticDistill.Acoustic.Tests.Audio;

internal static class TestSignals
{
    /// <summary>Values every kind but G.711 represents exactly.</summary>
    public static readonly float[] ExactPattern = [0f, 0.5f, -0.5f, 0.25f, -1f, 0.75f, -0.125f, 0.0625f];

    public static float[] Sine(double frequency, int sampleRate, int count, float amplitude)
    {
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return samples;
    }

    /// <summary>Sign changes between consecutive samples in [start, end).</summary>
    public static int ZeroCrossings(ReadOnlySpan<float> samples, int start, int end)
    {
        var crossings = 0;
        for (var i = start + 1; i < end; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }
        return crossings;
    }

    public static float Peak(ReadOnlySpan<float> samples, int start, int end)
    {
        var peak = 0f;
        for (var i = start; i < end; i++)
        {
            peak = Math.Max(peak, Math.Abs(samples[i]));
        }
        return peak;
    }

    public static float[] Interleave(params float[][] channels)
    {
        var frames = channels[0].Length;
        var result = new float[frames * channels.Length];
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                result[f * channels.Length + c] = channels[c][f];
            }
        }
        return result;
    }
}
