using System.Buffers.Binary;

namespace AcousticDistill.Acoustic.Tests.Alignment;

/// <summary>One utterance of a synthetic AN4-like folder: its speaker folder, file id and words.</summary>
internal sealed record An4Utterance(string Speaker, string Id, string Words);

/// <summary>
/// Writes a small folder laid out like CMU AN4 (sphinx lists under <c>etc/</c>, headerless big-endian 16 kHz
/// <c>.raw</c> audio under <c>wav/</c>, a speaker per folder), with a low hum as every file's audio: for the plumbing,
/// not for recognition.
/// </summary>
internal static class SyntheticAn4
{
    /// <summary>Samples of every file (0.6 s at 16 kHz).</summary>
    public const int SamplesPerFile = 9600;

    /// <summary>The hum every file holds.</summary>
    public static float[] Hum { get; } = Enumerable.Range(0, SamplesPerFile).Select(i => (float)(0.2 * Math.Sin(i * 0.07))).ToArray();

    /// <summary>Writes the folder; the dictionary gets <paramref name="dictionary"/>'s CMUdict lines.</summary>
    public static void Write(string root, IEnumerable<An4Utterance> train, IEnumerable<An4Utterance> test, params string[] dictionary)
    {
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        WriteSet(root, "train", "an4_clstk", train, withSentenceMarks: true);
        WriteSet(root, "test", "an4test_clstk", test, withSentenceMarks: false);
        File.WriteAllLines(Path.Combine(root, "etc", "an4.dic"), dictionary);
    }

    /// <summary>16-bit samples, most significant byte first (as AN4 stores them).</summary>
    public static byte[] BigEndianBytes(IReadOnlyList<float> samples)
    {
        var bytes = new byte[2 * samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(2 * i), value);
        }
        return bytes;
    }

    // Train lines look like "<s> YES </s> (an251-fash-b)", test lines like "YES (an406-fcaw-b)", as in AN4.
    private static void WriteSet(string root, string set, string folder, IEnumerable<An4Utterance> utterances, bool withSentenceMarks)
    {
        var fileIds = new List<string>();
        var transcription = new List<string>();
        foreach (var utterance in utterances)
        {
            var relative = $"{folder}/{utterance.Speaker}/{utterance.Id}";
            Directory.CreateDirectory(Path.Combine(root, "wav", folder, utterance.Speaker));
            File.WriteAllBytes(Path.Combine(root, "wav", relative + ".raw"), BigEndianBytes(Hum));
            fileIds.Add(relative);
            var words = utterance.Words.ToUpperInvariant();
            transcription.Add(withSentenceMarks ? $"<s> {words} </s> ({utterance.Id})" : $"{words} ({utterance.Id})");
        }
        File.WriteAllLines(Path.Combine(root, "etc", $"an4_{set}.fileids"), fileIds);
        File.WriteAllLines(Path.Combine(root, "etc", $"an4_{set}.transcription"), transcription);
    }
}
