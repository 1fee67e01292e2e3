using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Lexicon;

/// <summary>A lexicon with a fallback (CMUdict with a corpus's own dictionary): the primary wins, the fallback fills gaps.</summary>
public sealed class PronunciationLexiconFallbackTests
{
    private static readonly PronunciationLexicon s_primary = PronunciationLexicon.Parse(new StringReader("""
        a AH0
        a(2) EY1
        yes Y EH1 S
        """), "cmudict");

    private static readonly PronunciationLexicon s_fallback = PronunciationLexicon.Parse(new StringReader("""
        A                    EY
        RUBOUT               R AH B AW T
        """), "an4.dic");

    private static string Spelled(PronunciationLexicon lexicon, string word) =>
        string.Join(" | ", lexicon.Lookup(word).Select(p => string.Join(' ', p.Phones.Select(i => PhoneSet.Phones[i]))));

    [Fact]
    public void WithFallback_SharedWord_KeepsThePrimarysPronunciations()
    {
        var merged = s_primary.WithFallback(s_fallback);

        Assert.Equal("ah | ey", Spelled(merged, "A"));
        Assert.Equal("y eh s", Spelled(merged, "yes"));
    }

    [Fact]
    public void WithFallback_WordOnlyInTheFallback_ComesFromIt()
    {
        var merged = s_primary.WithFallback(s_fallback);

        Assert.False(s_primary.Contains("rubout"));
        Assert.Equal("r ah b aw t", Spelled(merged, "RUBOUT"));
        Assert.Equal(3, merged.WordCount);
        Assert.Throws<UnknownWordException>(() => merged.Lookup("erase"));
    }

    [Fact]
    public void WithFallback_NameMentionsBoth_AndTheOriginalsAreUnchanged()
    {
        var merged = s_primary.WithFallback(s_fallback);

        Assert.Contains("cmudict", merged.Name);
        Assert.Contains("an4.dic", merged.Name);
        Assert.Equal(2, s_primary.WordCount);
        Assert.Equal(2, s_fallback.WordCount);
        Assert.Throws<ArgumentNullException>(() => s_primary.WithFallback(null!));
    }
}
