namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Repairs the edges of a phone alignment so that it covers an utterance's samples exactly.</summary>
public static class AlignmentCoverage
{
    /// <summary>
    /// Makes the phones tile [0, length): silence fills a gap at either end, the last phone is cut or extended to
    /// the end, empty phones vanish and adjacent silences merge.
    /// </summary>
    public static List<TimedSegment> CoverExactly(IReadOnlyList<TimedSegment> phones, long length)
    {
        var result = new List<TimedSegment>(phones.Count + 2);
        void Add(TimedSegment s)
        {
            if (s.EndSample <= s.StartSample)
            {
                return;
            }
            if (result.Count > 0 && s.Label == PhoneSet.Silence && result[^1].Label == PhoneSet.Silence)
            {
                result[^1] = result[^1] with { EndSample = s.EndSample };
                return;
            }
            result.Add(s);
        }

        long cursor = 0;
        foreach (var p in phones)
        {
            var start = Math.Min(Math.Max(p.StartSample, cursor), length);
            if (start > cursor)
            {
                Add(new TimedSegment(cursor, start, PhoneSet.Silence));
            }
            var end = Math.Min(Math.Max(p.EndSample, start), length);
            Add(new TimedSegment(start, end, p.Label));
            cursor = Math.Max(cursor, end);
        }
        if (cursor < length)
        {
            if (result.Count > 0 && result[^1].Label != PhoneSet.Silence && length - cursor < 0.02 * length)
            {
                result[^1] = result[^1] with { EndSample = length };
            }
            else
            {
                Add(new TimedSegment(cursor, length, PhoneSet.Silence));
            }
        }
        return result;
    }
}
