using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>A small CMUdict-format lexicon of the digits (as in CMUdict) and synthetic frame scores for exact tests.</summary>
internal static class TestLexicon
{
    public const string DigitsText = """
        ;;; digits as CMUdict spells them
        zero Z IH1 R OW0
        zero(2) Z IY1 R OW0
        one W AH1 N
        one(2) HH W AH1 N
        two T UW1
        three TH R IY1
        four F AO1 R
        five F AY1 V
        six S IH1 K S
        seven S EH1 V AH0 N
        eight EY1 T
        nine N AY1 N
        """;

    public static PronunciationLexicon Digits() => PronunciationLexicon.Parse(new StringReader(DigitsText), "test-digits");

    public static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>"three one" with silence around and between: words start at frames 10 and 36, "three" ends at 31.</summary>
    public static readonly int[] ThreeOne = FrameClasses(
        ("sil", 10), ("th", 6), ("r", 6), ("iy", 9), ("sil", 5), ("w", 6), ("ah", 9), ("n", 6), ("sil", 10));

    /// <summary>
    /// What a search must make of clean <see cref="ThreeOne"/> scores: the two words, reaching the end, with their times
    /// (frames 10–31 and from 36) and confidences of at least <paramref name="minConfidence"/>.
    /// </summary>
    public static void AssertThreeOne(DecodingResult result, FrameTiming timing, double minConfidence)
    {
        Assert.Equal("three one", result.Text);
        Assert.True(result.ReachedFinal);
        Assert.Equal(ThreeOne.Length, result.Frames);
        Assert.Equal(timing.StartSeconds(10), result.Words[0].StartSeconds, 6);
        Assert.Equal(timing.StartSeconds(31), result.Words[0].EndSeconds, 6);
        Assert.Equal(timing.StartSeconds(36), result.Words[1].StartSeconds, 6);
        Assert.All(result.Words, w => Assert.InRange(w.Confidence, minConfidence, 1.0));
    }

    /// <summary>Frame classes for phones given as (name, frames) with the frames split evenly over the 3 states.</summary>
    public static int[] FrameClasses(params (string Phone, int Frames)[] phones)
    {
        var labels = new List<int>();
        foreach (var (phone, frames) in phones)
        {
            for (var f = 0; f < frames; f++)
            {
                labels.Add(PhoneSet.ClassOf(PhoneSet.IndexOf(phone), Math.Min(2, f * 3 / frames)));
            }
        }
        return labels.ToArray();
    }

    /// <summary>Scores where each frame's true class gets 0 and every other class <paramref name="wrong"/>.</summary>
    public static float[] Scores(int[] frameClasses, float wrong = -8f)
    {
        var classes = PhoneSet.ClassCount;
        var scores = new float[frameClasses.Length * classes];
        Array.Fill(scores, wrong);
        for (var t = 0; t < frameClasses.Length; t++)
        {
            scores[t * classes + frameClasses[t]] = 0;
        }
        return scores;
    }
}
