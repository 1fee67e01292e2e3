using AcousticDistill.Acoustic.Corpus;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>
/// A tiny aligned corpus written without speech engines: each phone segment is a tone of its own pitch in light
/// noise, so frame classes are learnable in a few epochs. Train and dev splits, speaker-disjoint.
/// </summary>
internal static class ToneCorpus
{
    public const int SampleRate = 16000;
    private static readonly string[] s_phones = ["sil", "aa", "iy", "s", "m", "f"];
    private static readonly double[] s_pitches = [0, 320, 750, 1400, 2300, 3600];

    public static void Write(string directory, int trainUtterances = 16, int devUtterances = 6, int seed = 1)
    {
        var random = new Random(seed);
        var entries = new List<UtteranceEntry>();
        for (var i = 0; i < trainUtterances + devUtterances; i++)
        {
            var split = i < trainUtterances ? CorpusSplit.Train : CorpusSplit.Dev;
            var speaker = split == CorpusSplit.Train ? $"trn{i % 4}" : $"dev{i % 2}";
            entries.Add(WriteUtterance(directory, split, speaker, $"utt{i:D3}", random));
        }
        new CorpusManifest("tones", SampleRate, "test tones", entries).Save(directory);
    }

    private static UtteranceEntry WriteUtterance(string directory, CorpusSplit split, string speaker, string id, Random random)
    {
        var samples = new List<float>();
        var phones = new List<TimedSegment>();
        var segments = 8 + random.Next(4);
        for (var s = 0; s < segments; s++)
        {
            var phone = s == 0 || s == segments - 1 ? 0 : 1 + random.Next(s_phones.Length - 1);
            var length = SampleRate * (90 + random.Next(80)) / 1000;
            var start = samples.Count;
            for (var t = 0; t < length; t++)
            {
                var tone = s_pitches[phone] == 0 ? 0 : 0.3 * Math.Sin(2 * Math.PI * s_pitches[phone] * (start + t) / SampleRate);
                samples.Add((float)(tone + 0.01 * (random.NextDouble() - 0.5)));
            }
            phones.Add(new TimedSegment(start, samples.Count, s_phones[phone]));
        }
        var words = new List<TimedSegment> { new(0, samples.Count, "tones") };
        return CorpusWriter.Write(directory, split, speaker, id, samples.ToArray(), SampleRate, phones, words, "tones");
    }
}
