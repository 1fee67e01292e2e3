using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class ArpaLanguageModelTests
{
    private static readonly FrameTiming s_timing = new(WindowLength: 200, WindowShift: 80, SampleRate: 8000);

    private static string Arpa(string likelyAfterThree) => $"""
        \data\
        ngram 1=6
        ngram 2=3

        \1-grams:
        -1.0 </s>
        -99 <s> -0.3
        -0.6 three -0.5
        -0.6 one -0.2
        -0.6 two -0.2
        -0.6 nine -0.2

        \2-grams:
        -0.1 <s> three
        -0.05 three {likelyAfterThree}
        -0.2 {likelyAfterThree} </s>

        \3-grams:
        -0.1 <s> three one

        \end\
        """;

    // "three", then 21 frames that fit "one" (w ah n) exactly as well as "two" (t uw): only the language model can choose.
    private static float[] AmbiguousScores()
    {
        var first = TestLexicon.FrameClasses(("sil", 6), ("th", 6), ("r", 6), ("iy", 6));
        var one = TestLexicon.FrameClasses(("w", 6), ("ah", 9), ("n", 6));
        var two = TestLexicon.FrameClasses(("t", 9), ("uw", 12));
        var last = TestLexicon.FrameClasses(("sil", 6));
        var scores = TestLexicon.Scores([.. first, .. one, .. last]);
        var classes = PhoneSet.ClassCount;
        for (var i = 0; i < two.Length; i++)
        {
            scores[(first.Length + i) * classes + two[i]] = 0;
        }
        return scores;
    }

    private static string Decode(ArpaLanguageModel lm)
    {
        var graph = DecodingGraph.Build(lm.ToGrammar(), TestLexicon.Digits());
        var decoder = new BeamSearchDecoder(graph, s_timing, PhoneSet.ClassCount);
        decoder.AcceptScores(AmbiguousScores());
        return decoder.Finish().Text;
    }

    [Fact]
    public void Parse_ReadsUnigramsBigramsAndBackoffsInNaturalLogs_IgnoringHigherOrders()
    {
        var lm = ArpaLanguageModel.Parse(new StringReader(Arpa("one")), "test.arpa");

        Assert.Equal(6, lm.Unigrams.Count);
        Assert.Equal(3, lm.Bigrams.Count);
        Assert.Equal(-0.6 * Math.Log(10), lm.Unigrams["three"].LogProb, 4);
        Assert.Equal(-0.5 * Math.Log(10), lm.Unigrams["three"].Backoff, 4);
        Assert.Equal(-0.05 * Math.Log(10), lm.Bigrams[("three", "one")], 4);
    }

    [Theory]
    [InlineData("one")]
    [InlineData("two")]
    public void Decode_AcousticallyAmbiguousWord_IsChosenByTheBigram(string likely)
    {
        var lm = ArpaLanguageModel.Parse(new StringReader(Arpa(likely)), "test.arpa");

        Assert.Equal($"three {likely}", Decode(lm));
    }

    // "eleven" is in the model, as a word and as a history, but not in the digits lexicon.
    private const string WithEleven = """
        \data\
        ngram 1=5
        ngram 2=3

        \1-grams:
        -1.0 </s>
        -99 <s> -0.3
        -0.6 three -0.5
        -0.6 one -0.2
        -0.6 eleven -0.2

        \2-grams:
        -0.1 <s> three
        -0.3 three eleven
        -0.2 eleven one

        \end\
        """;

    [Fact]
    public void ToGrammar_WordsTheLexiconLacks_AreSkippedWithTheirArcsAndNamed()
    {
        var lexicon = TestLexicon.Digits();
        var lm = ArpaLanguageModel.Parse(new StringReader(WithEleven), "test.arpa");

        var result = lm.ToGrammar(1f, lexicon.Contains);

        Assert.Equal(["eleven"], result.SkippedWords);
        Assert.Equal(["one", "three"], result.Grammar.Words.Order());
        Assert.Equal(lm.ToGrammar().NodeCount - 1, result.Grammar.NodeCount); // eleven's history node is gone
        var graph = DecodingGraph.Build(result.Grammar, lexicon);
        var decoder = new BeamSearchDecoder(graph, s_timing, PhoneSet.ClassCount);
        decoder.AcceptScores(TestLexicon.Scores(TestLexicon.FrameClasses(("sil", 6), ("th", 6), ("r", 6), ("iy", 6), ("w", 6), ("ah", 9), ("n", 6), ("sil", 6))));
        Assert.Equal("three one", decoder.Finish().Text);
    }

    [Fact]
    public void ToGrammar_Strict_StillFailsOnTheUnknownWordWhenCompiled()
    {
        var lm = ArpaLanguageModel.Parse(new StringReader(WithEleven), "test.arpa");

        var error = Assert.Throws<UnknownWordException>(() => DecodingGraph.Build(lm.ToGrammar(), TestLexicon.Digits()));

        Assert.Equal("eleven", error.Word);
    }

    [Fact]
    public void ToGrammar_NoWordKnown_IsAClearError()
    {
        var lm = ArpaLanguageModel.Parse(new StringReader(WithEleven), "test.arpa");

        var error = Assert.Throws<ArgumentException>(() => lm.ToGrammar(1f, _ => false));

        Assert.Contains("None of the 3 words of the language model has a pronunciation", error.Message);
    }

    [Theory]
    [InlineData("\\data\\\nngram 1=1\n\\1-grams:\n-0.5\n\\end\\\n", "test.arpa:4")]
    [InlineData("\\data\\\nngram 1=1\n\\1-grams:\nx one\n\\end\\\n", "test.arpa:4")]
    [InlineData("\\data\\\n\\1-grams:\n-0.5 one\n", "not an ARPA")]
    public void Parse_Malformed_IsAClearError(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ArpaLanguageModel.Parse(new StringReader(text), "test.arpa"));
        Assert.Contains(expected, error.Message);
    }
}
