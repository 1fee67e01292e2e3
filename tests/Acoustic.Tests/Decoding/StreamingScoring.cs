namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>Checks that streaming scoring, fed in random-sized chunks, gives the whole-utterance scores.</summary>
internal static class StreamingScoring
{
    public static void AssertEqualsWholeUtterance(AcousticScorer scorer, float[] audio, int seed)
    {
        var whole = scorer.ScoreAudio(audio);

        var streaming = new StreamingScorer(scorer);
        var collected = new List<float>();
        var random = new Random(seed);
        for (var start = 0; start < audio.Length;)
        {
            var length = Math.Min(random.Next(1, 700), audio.Length - start);
            collected.AddRange(streaming.AcceptWaveform(audio.AsSpan(start, length)));
            start += length;
        }
        collected.AddRange(streaming.Finish());

        Assert.Equal(whole.Length, collected.Count);
        for (var i = 0; i < whole.Length; i++)
        {
            // Only float rounding differs: the network sees the same rows in other batch sizes.
            Assert.InRange(Math.Abs(whole[i] - collected[i]), 0, 1e-4);
        }
    }
}
