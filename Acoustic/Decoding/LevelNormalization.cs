namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Scales a whole recording to a target RMS level. Log-mel features shift by a constant with the recording level,
/// and global CMVN cannot undo a level that differs per speaker or microphone (FSDD's speakers differ by ~17 dB), so
/// recordings imported for training and the files decoded offline are brought to one level. This looks at the whole
/// file, so it is for offline use; a live stream would need a running gain control instead.
/// </summary>
public static class LevelNormalization
{
    /// <summary>Multiplies <paramref name="samples"/> in place so their RMS is <paramref name="targetRms"/> (clipped to ±1); silence is left alone.</summary>
    public static void ToRms(Span<float> samples, double targetRms)
    {
        if (!(targetRms > 0 && targetRms < 1))
        {
            throw new ArgumentException($"The target RMS level must be in (0, 1), got {targetRms}.");
        }
        double sum = 0;
        foreach (var x in samples)
        {
            sum += (double)x * x;
        }
        var rms = Math.Sqrt(sum / Math.Max(1, samples.Length));
        if (rms < 1e-6)
        {
            return;
        }
        var gain = (float)(targetRms / rms);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Math.Clamp(samples[i] * gain, -1f, 1f);
        }
    }
}
