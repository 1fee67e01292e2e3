using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// The endless, reproducible sequence of utterances of one split: voices take turns; each voice walks the
/// split's texts from its own starting offset (so voices do not all say the same sentence at once), cycling
/// when it runs out; each utterance draws its rate and pitch from a stream seeded by its id.
/// </summary>
internal sealed class UtterancePlan(IReadOnlyList<VoiceSpec> voices, IReadOnlyList<string> texts, SyntheticCorpusOptions options)
{
    private readonly int[] _spoken = new int[voices.Count];
    private long _turn;

    public (VoiceSpec Voice, SynthesisRequest Request) Next()
    {
        if (voices.Count == 0 || texts.Count == 0)
        {
            throw new InvalidOperationException("a split needs at least one voice and one text.");
        }
        var v = (int)(_turn++ % voices.Count);
        var voice = voices[v];
        var count = _spoken[v]++;
        var text = texts[(int)(((long)v * texts.Count / voices.Count + count) % texts.Count)];
        var id = $"{voice.SpeakerId}-{count:D5}";
        var random = new Random(StableHash.Of(options.Seed, id));
        var prosody = new Prosody(
            options.MinDurationStretch + random.NextDouble() * (options.MaxDurationStretch - options.MinDurationStretch),
            options.MinPitchFactor + random.NextDouble() * (options.MaxPitchFactor - options.MinPitchFactor));
        return (voice, new SynthesisRequest(id, text, prosody));
    }
}
