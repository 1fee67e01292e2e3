namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// Frame-level training targets from a phone alignment: frame t covers samples [t·shift, t·shift + length)
/// and takes the class of the phone under its centre; the phone's span is cut into
/// <see cref="PhoneSet.StatesPerPhone"/> equal parts and the part the centre falls in is the state.
/// Frames are counted as Kaldi does with snip_edges: 1 + (N − length) / shift, none when N &lt; length —
/// the same count the feature extractor produces.
/// </summary>
public static class FrameLabeler
{
    /// <summary>Number of frames for <paramref name="numSamples"/> samples (Kaldi snip_edges).</summary>
    public static int FrameCount(long numSamples, int frameLengthSamples, int frameShiftSamples) =>
        numSamples < frameLengthSamples ? 0 : (int)(1 + (numSamples - frameLengthSamples) / frameShiftSamples);

    /// <summary>Class id (phone × 3 + state) of every frame.</summary>
    /// <exception cref="InvalidDataException">A frame centre no phone covers, or a label outside the phone set.</exception>
    public static int[] Label(IReadOnlyList<TimedSegment> phones, long numSamples, int sampleRate, int frameLengthSamples, int frameShiftSamples)
    {
        if (frameLengthSamples <= 0 || frameShiftSamples <= 0 || sampleRate <= 0)
        {
            throw new ArgumentException("frame length, frame shift and sample rate must be positive.");
        }
        var labels = new int[FrameCount(numSamples, frameLengthSamples, frameShiftSamples)];
        var phoneIndex = new int[phones.Count];
        for (var i = 0; i < phones.Count; i++)
        {
            phoneIndex[i] = PhoneSet.Contains(phones[i].Label)
                ? PhoneSet.IndexOf(phones[i].Label)
                : throw new InvalidDataException($"phone '{phones[i].Label}' is not one of the 40 phones of the label set.");
        }
        var segment = 0;
        for (var t = 0; t < labels.Length; t++)
        {
            // Twice the centre keeps the half sample of an even frame length exact in integers.
            var centreTimesTwo = 2L * t * frameShiftSamples + frameLengthSamples;
            while (segment < phones.Count && 2 * phones[segment].EndSample <= centreTimesTwo)
            {
                segment++;
            }
            if (segment >= phones.Count || 2 * phones[segment].StartSample > centreTimesTwo)
            {
                throw new InvalidDataException(
                    $"no phone covers the centre of frame {t} (sample {centreTimesTwo / 2.0}, {centreTimesTwo / 2.0 / sampleRate:0.000} s); phones must tile the audio in order.");
            }
            var p = phones[segment];
            var span = p.EndSample - p.StartSample;
            var state = (int)Math.Min(PhoneSet.StatesPerPhone - 1,
                                      PhoneSet.StatesPerPhone * (centreTimesTwo - 2 * p.StartSample) / (2 * span));
            labels[t] = PhoneSet.ClassOf(phoneIndex[segment], state);
        }
        return labels;
    }
}
