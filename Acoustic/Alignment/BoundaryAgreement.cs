namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// How closely an alignment matches a reference one (e.g. a synthesizer's own timings): the share of frames given
/// the same phone, and, where both have the same segment sequence (silence ignored), the distance of each boundary.
/// </summary>
public static class BoundaryAgreement
{
    /// <summary>Share of frames (centres at t·shift + length/2) on which both alignments name the same phone.</summary>
    public static double FrameAgreement(IReadOnlyList<TimedSegment> reference, IReadOnlyList<TimedSegment> hypothesis,
                                        long numSamples, int sampleRate, int frameLength, int frameShift)
    {
        var a = FrameLabeler.Label(reference, numSamples, sampleRate, frameLength, frameShift);
        var b = FrameLabeler.Label(hypothesis, numSamples, sampleRate, frameLength, frameShift);
        var same = a.Zip(b).Count(p => PhoneSet.PhoneOfClass(p.First) == PhoneSet.PhoneOfClass(p.Second));
        return a.Length == 0 ? 1 : same / (double)a.Length;
    }

    /// <summary>
    /// Absolute differences in samples between the starts and ends of corresponding non-silence segments, or null when
    /// the two label sequences (silence removed) differ, e.g. because the lexicon spells a word differently.
    /// </summary>
    public static IReadOnlyList<long>? BoundaryErrors(IReadOnlyList<TimedSegment> reference, IReadOnlyList<TimedSegment> hypothesis)
    {
        var r = reference.Where(s => s.Label != PhoneSet.Silence).ToArray();
        var h = hypothesis.Where(s => s.Label != PhoneSet.Silence).ToArray();
        if (r.Length != h.Length || !r.Select(s => s.Label).SequenceEqual(h.Select(s => s.Label), StringComparer.Ordinal))
        {
            return null;
        }
        var errors = new List<long>(2 * r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            errors.Add(Math.Abs(r[i].StartSample - h[i].StartSample));
            errors.Add(Math.Abs(r[i].EndSample - h[i].EndSample));
        }
        return errors;
    }
}
