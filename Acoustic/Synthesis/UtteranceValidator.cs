namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>The sanity check every utterance passes before it is written.</summary>
public static class UtteranceValidator
{
    /// <summary>Null when the utterance is usable; otherwise the first problem found.</summary>
    public static string? Check(IReadOnlyList<TimedSegment> phones, ReadOnlySpan<float> samples, int sampleRate, FinishingOptions options)
    {
        if (samples.Length < options.MinUtteranceSeconds * sampleRate)
        {
            return $"audio is only {samples.Length} samples";
        }
        if (phones.Count == 0 || phones[0].StartSample != 0 || phones[^1].EndSample != samples.Length)
        {
            return "phones do not cover the audio from start to end";
        }
        for (var i = 0; i < phones.Count; i++)
        {
            var p = phones[i];
            if (p.EndSample <= p.StartSample)
            {
                return $"phone {i} '{p.Label}' has a duration of {p.EndSample - p.StartSample} samples";
            }
            if (i > 0 && p.StartSample != phones[i - 1].EndSample)
            {
                return $"phone {i} '{p.Label}' starts at {p.StartSample}, not where the previous one ends ({phones[i - 1].EndSample})";
            }
            if (!PhoneSet.Contains(p.Label))
            {
                return $"'{p.Label}' is not a phone of the label set";
            }
            if (p.Label != PhoneSet.Silence && p.EndSample - p.StartSample > options.MaxPhoneSeconds * sampleRate)
            {
                return $"phone '{p.Label}' lasts {(p.EndSample - p.StartSample) / (double)sampleRate:0.00} s";
            }
        }
        if (phones.All(p => p.Label == PhoneSet.Silence))
        {
            return "no speech phones";
        }
        var peak = 0f;
        foreach (var s in samples)
        {
            peak = Math.Max(peak, Math.Abs(s));
        }
        return peak < 1e-3f ? "audio is silent" : null;
    }
}
