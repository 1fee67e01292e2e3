using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Tests.Language;

public sealed class NgramModelBuilderTests
{
    private static readonly string[][] s_commands =
    [
        ["go", "forward", "ten"], ["go", "back", "two"], ["stop"], ["go", "forward", "two"],
        ["rubout", "go"], ["yes"], ["no"], ["go", "back", "ten", "stop"],
    ];

    [Fact]
    public void Build_TwoSentences_GivesTheWittenBellValuesWorkedByHand()
    {
        // <s> a b </s>, <s> a </s>: unigrams a 2/5, b 1/5, </s> 2/5. History a: seen 2 times, 2 distinct followers.
        var model = NgramModelBuilder.Build([["a", "b"], ["a"]], order: 2);

        Assert.Equal(Math.Log10(0.4), model.Ngrams[0]["a"].Log10Prob, 12);
        Assert.Equal(-99, model.Ngrams[0]["<s>"].Log10Prob);
        Assert.Equal(Math.Log10((1 + 2 * 0.2) / 4), model.Ngrams[1]["a b"].Log10Prob, 12);
        Assert.Equal(Math.Log10((1 + 2 * 0.4) / 4), model.Ngrams[1]["a </s>"].Log10Prob, 12);
        Assert.Equal(Math.Log10(2.0 / 4), model.Ngrams[0]["a"].Log10Backoff, 12);
        Assert.Equal(Math.Log10((2 + 1 * 0.4) / 3), model.Ngrams[1]["<s> a"].Log10Prob, 12);
        Assert.Equal(Math.Log10(1.0 / 3), model.Ngrams[0]["<s>"].Log10Backoff, 12);
        Assert.Equal(Math.Log10(0.5 * 0.4), model.Log10Probability(["a"], "a"), 12); // unseen: back-off weight × unigram
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Build_EveryHistory_HasProbabilitiesSummingToOne(int order)
    {
        var model = NgramModelBuilder.Build(s_commands, order);
        var words = model.Vocabulary.Where(w => w != "</s>").ToArray();

        Assert.Equal(1.0, NgramSums.Of(model), 9);
        foreach (var first in words)
        {
            Assert.Equal(1.0, NgramSums.Of(model, first), 9);
            foreach (var second in words.Where(w => w != "<s>"))
            {
                Assert.Equal(1.0, NgramSums.Of(model, first, second), 9); // seen and unseen trigram histories alike
            }
        }
    }

    [Fact]
    public void Build_Trigram_PrefersTheContinuationSeenAfterBothWords()
    {
        var model = NgramModelBuilder.Build(s_commands, order: 3);

        Assert.Equal(3, model.Order);
        Assert.True(model.Log10Probability(["go", "forward"], "ten") > model.Log10Probability(["go", "forward"], "stop"));
        Assert.True(model.Ngrams[2].ContainsKey("<s> go forward"));
        Assert.DoesNotContain(model.Ngrams[2].Keys, k => k.EndsWith(" <s>", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MixedCaseAndMarkersInsideSentences_AreNormalised()
    {
        var model = NgramModelBuilder.Build([["<s>", "GO", "Forward", "</s>"]], order: 2);

        Assert.Equal(["</s>", "<s>", "forward", "go"], model.Vocabulary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Build_OrderOutOfRange_IsAClearError(int order)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NgramModelBuilder.Build(s_commands, order));

        Assert.Contains($"order must be from 1 to 3; got {order}", error.Message);
    }

    [Fact]
    public void Build_NoWords_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => NgramModelBuilder.Build([[], ["<s>", "</s>"]], order: 2));

        Assert.Contains("no sentences with words", error.Message);
    }
}
