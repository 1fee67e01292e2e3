namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class BeamSearchDecoderTests
{
    private static readonly FrameTiming s_timing = new(WindowLength: 200, WindowShift: 80, SampleRate: 8000);

    private static BeamSearchDecoder Decoder(Grammar grammar, DecoderOptions? options = null) =>
        new(DecodingGraph.Build(grammar, TestLexicon.Digits()), s_timing, PhoneSet.ClassCount, options);

    private static readonly int[] s_threeOne = TestLexicon.ThreeOne;

    [Fact]
    public void WordLoop_CleanScores_FindsTheWordsWithTimesAndHighConfidence()
    {
        var decoder = Decoder(Grammar.WordLoop(TestLexicon.DigitWords));
        decoder.AcceptScores(TestLexicon.Scores(s_threeOne));

        var result = decoder.Finish();

        TestLexicon.AssertThreeOne(result, s_timing, minConfidence: 0.9);
    }

    [Fact]
    public void PhraseList_SingleDigit_ForcesOneWord()
    {
        var seven = TestLexicon.FrameClasses(("sil", 8), ("s", 6), ("eh", 6), ("v", 6), ("ah", 3), ("n", 6), ("sil", 8));
        var decoder = Decoder(Grammar.PhraseList(TestLexicon.DigitWords));
        decoder.AcceptScores(TestLexicon.Scores(seven));

        Assert.Equal("seven", decoder.Finish().Text);
    }

    [Fact]
    public void ChunkedInput_GivesGrowingPartialsAndTheSameFinalAsOneChunk()
    {
        var scores = TestLexicon.Scores(s_threeOne);
        var classes = PhoneSet.ClassCount;
        var decoder = Decoder(Grammar.WordLoop(TestLexicon.DigitWords));
        var partials = new List<string>();
        for (var start = 0; start < s_threeOne.Length; start += 7)
        {
            var frames = Math.Min(7, s_threeOne.Length - start);
            decoder.AcceptScores(scores.AsSpan(start * classes, frames * classes));
            partials.Add(decoder.PartialResult().Text);
        }

        Assert.Equal("", partials[0]);
        Assert.Contains("three", partials);
        Assert.Equal("three one", partials[^1]);
        Assert.Equal("three one", decoder.Finish().Text);
        decoder.Reset();
        Assert.Equal(0, decoder.FramesDecoded);
        Assert.Equal("", decoder.PartialResult().Text);
    }

    [Fact]
    public void Endpoint_TrailingSilenceAfterWords_EndsTheUtterance()
    {
        var rules = new EndpointOptions { AfterFinalSeconds = 0.5 };
        var decoder = Decoder(Grammar.WordLoop(TestLexicon.DigitWords));
        var speech = TestLexicon.FrameClasses(("sil", 10), ("t", 6), ("uw", 9));
        decoder.AcceptScores(TestLexicon.Scores(speech));
        Assert.False(decoder.IsEndpoint(rules));

        decoder.AcceptScores(TestLexicon.Scores(TestLexicon.FrameClasses(("sil", 30))));
        Assert.False(decoder.IsEndpoint(rules));
        decoder.AcceptScores(TestLexicon.Scores(TestLexicon.FrameClasses(("sil", 30))));
        Assert.True(decoder.IsEndpoint(rules));
        Assert.Equal("two", decoder.Finish().Text);
    }

    [Fact]
    public void TightMaxActive_StillDecodesCleanInput()
    {
        var decoder = Decoder(Grammar.WordLoop(TestLexicon.DigitWords), new DecoderOptions { Beam = 10, MaxActive = 20 });
        decoder.AcceptScores(TestLexicon.Scores(s_threeOne));

        Assert.Equal("three one", decoder.Finish().Text);
        Assert.InRange(decoder.ActiveStates, 1, 20 + 2);
    }
}
