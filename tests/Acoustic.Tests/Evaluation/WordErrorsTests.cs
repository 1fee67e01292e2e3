using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Acoustic.Tests.Evaluation;

/// <summary>Word error counts of a minimum-edit alignment, as sclite counts them.</summary>
public sealed class WordErrorsTests
{
    private static WordErrors Count(string reference, string hypothesis) =>
        WordErrors.Count(Words(reference), Words(hypothesis));

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("a b c d", "a x c d e", 1, 0, 1)]
    [InlineData("a b c d", "a b c d", 0, 0, 0)]
    [InlineData("a b c", "a c", 0, 1, 0)]
    [InlineData("a b c", "x a b c", 0, 0, 1)]
    [InlineData("a b", "b a", 2, 0, 0)]
    [InlineData("one two three", "two three four five", 0, 1, 2)]
    public void Count_KnownPairs_GiveTheirSubstitutionsDeletionsInsertions(string reference, string hypothesis, int sub, int del, int ins)
    {
        Assert.Equal(new WordErrors(sub, del, ins, Words(reference).Length), Count(reference, hypothesis));
    }

    [Fact]
    public void Count_EmptyHypothesis_IsAllDeletions()
    {
        var errors = Count("a b c d", "");

        Assert.Equal(new WordErrors(0, 4, 0, 4), errors);
        Assert.Equal(1.0, errors.Rate);
    }

    [Fact]
    public void Count_EmptyReference_IsAllInsertions_WithAnInfiniteRate()
    {
        var errors = Count("", "a b");

        Assert.Equal(new WordErrors(0, 0, 2, 0), errors);
        Assert.Equal(double.PositiveInfinity, errors.Rate);
        Assert.Equal(0.0, Count("", "").Rate);
    }

    [Fact]
    public void Count_IgnoresCase()
    {
        Assert.Equal(0, Count("Yes GO one", "yes go ONE").Errors);
    }

    [Fact]
    public void RateAndSum_AddCountsThenDivideByReferenceWords()
    {
        var first = Count("a b c d", "a x c d e");
        var second = Count("e f", "");

        var sum = first + second;

        Assert.Equal(new WordErrors(1, 2, 1, 6), sum);
        Assert.Equal(4, sum.Errors);
        Assert.Equal(4 / 6.0, sum.Rate, 12);
        Assert.Equal(0.5, first.Rate, 12);
    }

    [Fact]
    public void Count_RandomPairs_ErrorsAreTheEditDistance_AndAccountForBothLengths()
    {
        var random = new Random(12);
        for (var trial = 0; trial < 200; trial++)
        {
            var reference = Enumerable.Range(0, random.Next(8)).Select(_ => "abc"[random.Next(3)].ToString()).ToArray();
            var hypothesis = Enumerable.Range(0, random.Next(8)).Select(_ => "abc"[random.Next(3)].ToString()).ToArray();

            var errors = WordErrors.Count(reference, hypothesis);

            Assert.Equal(EditDistance(reference, hypothesis), errors.Errors);
            // Matched words are the reference less substitutions and deletions, and the hypothesis less substitutions and insertions.
            Assert.Equal(reference.Length - errors.Deletions, hypothesis.Length - errors.Insertions);
            Assert.Equal(reference.Length, errors.ReferenceWords);
        }
    }

    // Plain Levenshtein distance over words, two rows.
    private static int EditDistance(string[] a, string[] b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
