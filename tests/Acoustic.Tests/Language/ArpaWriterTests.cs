using System.Globalization;
using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Tests.Language;

public sealed class ArpaWriterTests
{
    private static readonly string[][] s_commands =
    [
        ["go", "forward", "ten"], ["go", "back", "two"], ["stop"], ["go", "forward", "two"], ["rubout", "go"], ["yes"],
    ];

    private static string Arpa(IEnumerable<string[]> sentences, int order)
    {
        using var text = new StringWriter();
        ArpaWriter.Write(NgramModelBuilder.Build(sentences, order), text);
        return text.ToString();
    }

    [Fact]
    public void Write_Bigram_ReadsBackThroughArpaLanguageModelWithTheSameNumbers()
    {
        var model = NgramModelBuilder.Build(s_commands, order: 2);

        var lm = ArpaLanguageModel.Parse(new StringReader(Arpa(s_commands, 2)), "built.arpa");

        Assert.Equal(model.Ngrams[0].Count, lm.Unigrams.Count);
        Assert.Equal(model.Ngrams[1].Count, lm.Bigrams.Count);
        foreach (var (word, entry) in model.Ngrams[0])
        {
            Assert.Equal(entry.Log10Prob * Math.Log(10), lm.Unigrams[word].LogProb, 4);
            Assert.Equal(entry.Log10Backoff * Math.Log(10), lm.Unigrams[word].Backoff, 4);
        }
        Assert.Equal(model.Ngrams[1]["go forward"].Log10Prob * Math.Log(10), lm.Bigrams[("go", "forward")], 4);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Write_ReadBack_EveryBigramHistorySumsToOne(int order)
    {
        var lm = ArpaLanguageModel.Parse(new StringReader(Arpa(s_commands, order)), "built.arpa");

        Assert.Equal(1.0, NgramSums.Of(lm, ""), 4);
        foreach (var history in lm.Unigrams.Keys.Where(w => w != "</s>"))
        {
            Assert.Equal(1.0, NgramSums.Of(lm, history), 4);
        }
    }

    [Fact]
    public void Write_HasTheArpaLayoutWithSortedNgramsAndCounts()
    {
        var lines = Arpa([["b", "a"], ["a"]], order: 2).Split('\n');

        Assert.Equal(["\\data\\", "ngram 1=4", "ngram 2=4", "", "\\1-grams:"], lines[..5]);
        Assert.Equal(["</s>", "<s>", "a", "b"], lines[5..9].Select(l => l.Split(' ')[1]));
        Assert.StartsWith("-99 <s> ", lines[6]);
        Assert.Equal(["", "\\2-grams:"], lines[9..11]);
        Assert.Equal(["<s> a", "<s> b", "a </s>", "b a"], lines[11..15].Select(l => string.Join(' ', l.Split(' ')[1..])));
        Assert.All(lines[11..15], l => Assert.Equal(3, l.Split(' ').Length)); // no back-off weights at the top order
        Assert.Equal(["", "\\end\\", ""], lines[15..]);
    }

    [Fact]
    public void Write_SameSentencesInAnotherOrderOrCulture_GivesTheSameText()
    {
        var expected = Arpa(s_commands, 3);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal(expected, Arpa(s_commands.Reverse(), 3));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.DoesNotContain(",", expected);
    }
}
