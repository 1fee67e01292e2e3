using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>
/// The large-vocabulary search on exact synthetic scores: it finds the words and their times, agrees with the
/// compiled-graph search on a bigram model, lets the trigram decide between words the sound cannot tell apart, streams
/// chunk by chunk to the same result, and keeps its work within max-active.
/// </summary>
public sealed class LexiconTreeDecoderTests
{
    private static readonly FrameTiming s_timing = new(WindowLength: 200, WindowShift: 80, SampleRate: 8000);

    private static readonly int[] s_threeOne = TestLexicon.ThreeOne;

    private static readonly string[][] s_digitSentences =
    [
        ["three", "one"], ["one", "two", "three"], ["seven", "eight"], ["nine", "one", "four"], ["zero", "six"], ["five", "two"],
        ["three", "one", "four"], ["eight", "nine", "zero"],
    ];

    private static NgramLanguageModel Lm(string[][] sentences, int order)
    {
        using var text = new StringWriter();
        ArpaWriter.Write(NgramModelBuilder.Build(sentences, order), text);
        return ArpaNgramReader.Parse(new StringReader(text.ToString()), "test.arpa");
    }

    private static LexiconTreeDecoder Decoder(NgramLanguageModel lm, TreeDecoderOptions? options = null) =>
        new(LexiconTree.Build(lm, TestLexicon.Digits()), s_timing, PhoneSet.ClassCount, options);

    [Fact]
    public void CleanScores_FindsTheWordsWithTheirTimes()
    {
        var decoder = Decoder(Lm(s_digitSentences, 3));
        decoder.AcceptScores(TestLexicon.Scores(s_threeOne));

        var result = decoder.Finish();

        TestLexicon.AssertThreeOne(result, s_timing, minConfidence: 0.5);
    }

    [Fact]
    public void BigramModel_SameBestPathAsTheCompiledGraph()
    {
        var sentences = s_digitSentences;
        var lm = Lm(sentences, 2);
        using var text = new StringWriter();
        ArpaWriter.Write(NgramModelBuilder.Build(sentences, 2), text);
        var graph = DecodingGraph.Build(ArpaLanguageModel.Parse(new StringReader(text.ToString()), "test.arpa").ToGrammar(), TestLexicon.Digits());
        var noisy = TestLexicon.Scores(s_threeOne, wrong: -2f);
        var wide = new DecoderOptions { Beam = 50, MaxActive = 100_000 };

        var viaGraph = new BeamSearchDecoder(graph, s_timing, PhoneSet.ClassCount, wide);
        viaGraph.AcceptScores(noisy);
        var viaTree = Decoder(lm, new TreeDecoderOptions { Beam = 50, MaxActive = 100_000, WordEndBeam = 50 });
        viaTree.AcceptScores(noisy);
        var (graphResult, treeResult) = (viaGraph.Finish(), viaTree.Finish());

        Assert.Equal(graphResult.Text, treeResult.Text);
        Assert.Equal(graphResult.LogScore, treeResult.LogScore, 3);
    }

    [Fact]
    public void SoundsAlike_TheTrigramChoosesTheWord()
    {
        // "two" and the made-up "tu" sound the same; after "one two" the model has seen only "tu", after "zero" only "two".
        var lexicon = AcousticDistill.Acoustic.Lexicon.PronunciationLexicon.Parse(new StringReader(TestLexicon.DigitsText + "\ntu T UW1\n"), "test");
        string[][] sentences = [["one", "two", "tu"], ["zero", "two", "two"], ["one", "two", "tu"], ["zero", "two", "two"]];
        var lm = Lm(sentences, 3);
        var tree = LexiconTree.Build(lm, lexicon);
        var oneTwoTwo = TestLexicon.FrameClasses(("sil", 6), ("w", 6), ("ah", 6), ("n", 6), ("t", 6), ("uw", 6), ("t", 6), ("uw", 6), ("sil", 6));
        var zeroTwoTwo = TestLexicon.FrameClasses(("sil", 6), ("z", 6), ("ih", 6), ("r", 6), ("ow", 6), ("t", 6), ("uw", 6), ("t", 6), ("uw", 6), ("sil", 6));

        string Decode(int[] classes)
        {
            var decoder = new LexiconTreeDecoder(tree, s_timing, PhoneSet.ClassCount);
            decoder.AcceptScores(TestLexicon.Scores(classes));
            return decoder.Finish().Text;
        }

        Assert.Equal("one two tu", Decode(oneTwoTwo));
        Assert.Equal("zero two two", Decode(zeroTwoTwo));
    }

    [Fact]
    public void Boost_RaisesAWordTheModelFindsLessLikely_AndAPenaltyLowersIt()
    {
        // "two" and "tu" sound the same; the model has seen "two" three times as often.
        var lexicon = AcousticDistill.Acoustic.Lexicon.PronunciationLexicon.Parse(new StringReader(TestLexicon.DigitsText + "\ntu T UW1\n"), "test");
        var lm = Lm([["one", "two"], ["one", "two"], ["one", "two"], ["one", "tu"]], 2);
        var tree = LexiconTree.Build(lm, lexicon);
        var oneTwo = TestLexicon.Scores(TestLexicon.FrameClasses(("sil", 6), ("w", 6), ("ah", 6), ("n", 6), ("t", 6), ("uw", 6), ("sil", 6)));

        string Decode(WordBoosts boosts)
        {
            var decoder = new LexiconTreeDecoder(tree, s_timing, PhoneSet.ClassCount, null, boosts);
            decoder.AcceptScores(oneTwo);
            return decoder.Finish().Text;
        }

        Assert.Equal("one two", Decode(WordBoosts.None));
        Assert.Equal("one tu", Decode(WordBoosts.For(tree, [new("tu", 3f)])));
        Assert.Equal("one tu", Decode(WordBoosts.For(tree, [new("two", -3f)])));
    }

    [Fact]
    public void Boost_WordOutsideTheModelOrBonusOutOfRange_IsAClearError()
    {
        var tree = LexiconTree.Build(Lm(s_digitSentences, 2), TestLexicon.Digits());

        var unknown = Assert.Throws<ArgumentException>(() => WordBoosts.For(tree, [new("kubernetes", 2f)]));
        var tooMuch = Assert.Throws<ArgumentException>(() => WordBoosts.For(tree, [new("one", 50f)]));

        Assert.Contains("'kubernetes' is not a word of the language model", unknown.Message);
        Assert.Contains("from -20 to 20", tooMuch.Message);
    }

    [Fact]
    public void ChunkedInput_GivesGrowingPartialsAndTheSameFinalAsOneChunk()
    {
        var lm = Lm(s_digitSentences, 3);
        var scores = TestLexicon.Scores(s_threeOne, wrong: -4f);
        var whole = Decoder(lm);
        whole.AcceptScores(scores);
        var expected = whole.Finish();
        var classes = PhoneSet.ClassCount;
        var decoder = Decoder(lm);
        var partials = new List<string>();
        for (var start = 0; start < s_threeOne.Length; start += 7)
        {
            var frames = Math.Min(7, s_threeOne.Length - start);
            decoder.AcceptScores(scores.AsSpan(start * classes, frames * classes));
            partials.Add(decoder.PartialResult().Text);
        }
        var result = decoder.Finish();

        Assert.Equal("", partials[0]);
        Assert.Contains("three", partials);
        Assert.Equal(expected.Text, result.Text);
        Assert.Equal(expected.LogScore, result.LogScore, 4);
        Assert.Equal(expected.Words.Select(w => w.StartSeconds), result.Words.Select(w => w.StartSeconds));
        decoder.Reset();
        Assert.Equal(0, decoder.FramesDecoded);
        Assert.Equal("", decoder.PartialResult().Text);
    }

    [Fact]
    public void TrailingSilence_EndsTheUtterance()
    {
        var decoder = Decoder(Lm(s_digitSentences, 3));
        var rules = new EndpointOptions { AfterFinalSeconds = 0.05 };
        decoder.AcceptScores(TestLexicon.Scores(s_threeOne[..31]));
        Assert.False(decoder.IsEndpoint(rules));

        decoder.AcceptScores(TestLexicon.Scores(TestLexicon.FrameClasses(("sil", 10))));

        Assert.True(decoder.IsEndpoint(rules));
        Assert.Equal("three", decoder.PartialResult().Text);
    }

    [Fact]
    public void MaxActive_BoundsTheStatesKept()
    {
        var decoder = Decoder(Lm(s_digitSentences, 3), new TreeDecoderOptions { Beam = 1000, MaxActive = 20, WordEndBeam = 1000 });
        var flat = new float[40 * PhoneSet.ClassCount]; // every class equally likely: only max-active prunes
        var most = 0;
        for (var t = 0; t < 40; t++)
        {
            decoder.AcceptScores(flat.AsSpan(t * PhoneSet.ClassCount, PhoneSet.ClassCount));
            most = Math.Max(most, decoder.ActiveStates);
        }

        Assert.InRange(most, 1, 20);
    }

    [Fact]
    public void Tree_WordsWithoutPronunciation_AreSkippedAndNamed()
    {
        var lm = Lm([["three", "zyxx"], ["one", "qwrt"]], 2);

        var tree = LexiconTree.Build(lm, TestLexicon.Digits());

        Assert.Equal(["qwrt", "zyxx"], tree.SkippedWords);
        Assert.Equal(2, tree.WordCount);
    }

    [Fact]
    public void Tree_NoWordPronounceable_IsAClearError()
    {
        var lm = Lm([["zyxx", "qwrt"]], 2);

        var error = Assert.Throws<ArgumentException>(() => LexiconTree.Build(lm, TestLexicon.Digits()));

        Assert.Contains("None of the", error.Message);
    }
}
