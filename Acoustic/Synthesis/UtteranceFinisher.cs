namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// Turns raw engine output into a corpus utterance: engine phone names → label set, alignment made to cover
/// the audio exactly, silence at both ends, rate changed (times scaled), optional seeded white noise, and a
/// sanity check. A bad utterance is reported with the reason rather than written.
/// </summary>
public sealed class UtteranceFinisher(FinishingOptions options)
{
    /// <summary>The mapping table for an engine's phone names.</summary>
    public static PhoneMappingTable TableFor(SynthesisEngine engine) => engine switch
    {
        SynthesisEngine.Festival or SynthesisEngine.Flite => FestivalPhoneMap.Table,
        SynthesisEngine.Espeak => EspeakPhoneMap.Table,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    /// <summary>Finishes one utterance; returns null and sets <paramref name="rejection"/> when it fails the sanity check.</summary>
    public SynthesizedUtterance? Finish(VoiceSpec voice, EngineUtterance raw, out string? rejection)
    {
        rejection = null;
        var rate = raw.SampleRate;
        long length = raw.Samples.Length;
        if (length == 0 || raw.Phones.Count == 0)
        {
            rejection = "engine gave no audio or no phones";
            return null;
        }
        var lastEnd = raw.Phones[^1].EndSample;
        if (Math.Abs(lastEnd - length) > options.MaxAlignmentMismatchSeconds * rate)
        {
            rejection = $"phones end at {lastEnd / (double)rate:0.00} s but audio at {length / (double)rate:0.00} s";
            return null;
        }

        List<TimedSegment> phones;
        try
        {
            phones = [.. TableFor(voice.Engine).MapSegments(raw.Phones)];
        }
        catch (InvalidDataException ex)
        {
            rejection = ex.Message;
            return null;
        }
        phones = AlignmentCoverage.CoverExactly(phones, length);

        // Pad with digital silence so that every utterance starts and ends with at least the edge silence.
        var edge = (long)Math.Round(options.EdgeSilenceSeconds * rate);
        var lead = Math.Max(0, edge - LeadingSilence(phones));
        var trail = Math.Max(0, edge - TrailingSilence(phones));
        var padded = new float[length + lead + trail];
        raw.Samples.CopyTo(padded, lead);
        phones = AlignmentCoverage.CoverExactly([.. phones.Select(p => Shift(p, lead))], padded.Length);
        var words = raw.Words.Select(w => Shift(w, lead)).ToList();

        var samples = SampleRateConverter.Convert(padded, rate, options.SampleRate);
        phones = AlignmentCoverage.CoverExactly([.. phones.Select(p => Scale(p, rate, options.SampleRate))], samples.Length);
        words = [.. words.Select(w => Clamp(Scale(w, rate, options.SampleRate), samples.Length))];

        if (options.SnrDb is { } snr)
        {
            AddNoise(samples, snr, StableHash.Of(options.Seed, raw.Request.UtteranceId));
        }

        rejection = UtteranceValidator.Check(phones, samples, options.SampleRate, options);
        return rejection is null
            ? new SynthesizedUtterance(raw.Request.UtteranceId, voice, raw.Request.Text, samples, options.SampleRate,
                                       phones, words, raw.WordTimesKnown)
            : null;
    }

    private static long LeadingSilence(List<TimedSegment> phones) =>
        phones.Count > 0 && phones[0].Label == PhoneSet.Silence ? phones[0].EndSample - phones[0].StartSample : 0;

    private static long TrailingSilence(List<TimedSegment> phones) =>
        phones.Count > 0 && phones[^1].Label == PhoneSet.Silence ? phones[^1].EndSample - phones[^1].StartSample : 0;

    private static TimedSegment Shift(TimedSegment s, long by) => s with { StartSample = s.StartSample + by, EndSample = s.EndSample + by };

    private static TimedSegment Scale(TimedSegment s, int from, int to) =>
        s with { StartSample = s.StartSample * to / from, EndSample = s.EndSample * to / from };

    private static TimedSegment Clamp(TimedSegment s, long length) =>
        new(Math.Min(s.StartSample, length), Math.Min(Math.Max(s.StartSample, s.EndSample), length), s.Label);

    private static void AddNoise(float[] samples, double snrDb, int seed)
    {
        var power = samples.Length == 0 ? 0 : samples.Sum(s => (double)s * s) / samples.Length;
        var sigma = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        for (var i = 0; i < samples.Length; i++)
        {
            // Box–Muller: a standard normal from two uniforms.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            samples[i] += (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
