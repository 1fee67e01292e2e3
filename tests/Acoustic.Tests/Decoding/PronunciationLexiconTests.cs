using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class PronunciationLexiconTests
{
    [Fact]
    public void Parse_StripsStress_KeepsAlternatesInOrder_IgnoresComments()
    {
        var lexicon = TestLexicon.Digits();

        Assert.Equal(10, lexicon.WordCount);
        var zero = lexicon.Lookup("ZERO");
        Assert.Equal(2, zero.Count);
        Assert.Equal([1, 2], zero.Select(p => p.Variant));
        Assert.Equal(["z", "ih", "r", "ow"], zero[0].Phones.Select(p => PhoneSet.Phones[p]));
        Assert.Equal(["z", "iy", "r", "ow"], zero[1].Phones.Select(p => PhoneSet.Phones[p]));
        Assert.Equal(["hh", "w", "ah", "n"], lexicon.Lookup("one")[1].Phones.Select(p => PhoneSet.Phones[p]));
    }

    [Fact]
    public void Lookup_UnknownWord_NamesTheWord()
    {
        var error = Assert.Throws<UnknownWordException>(() => TestLexicon.Digits().Lookup("eleven"));
        Assert.Equal("eleven", error.Word);
        Assert.Contains("'eleven'", error.Message);
    }

    [Theory]
    [InlineData("cat K AE1 TT", "'TT'")]
    [InlineData("cat", "no phones")]
    [InlineData("cat(x) K AE T", "alternate number")]
    [InlineData("quiet SIL", "'SIL'")]
    public void Parse_MalformedLine_IsAClearErrorWithLineNumber(string line, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => PronunciationLexicon.Parse(new StringReader("ok OW K EY\n" + line), "bad.dict"));
        Assert.Contains("bad.dict:2", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhereCmudictLives()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PronunciationLexicon.Load("/no/such/lexicon.dict"));
        Assert.Contains(PronunciationLexicon.DebianCmudictPath, error.Message);
    }

    [CmudictFact]
    public void Shared_DebianCmudict_HasTheDigitsAndIsLoadedOnce()
    {
        var lexicon = PronunciationLexicon.Shared;

        Assert.True(lexicon.WordCount > 100_000);
        Assert.Same(lexicon, PronunciationLexicon.LoadShared(null));
        Assert.Same(lexicon, PronunciationLexicon.LoadShared(PronunciationLexicon.DebianCmudictPath));
        foreach (var word in TestLexicon.DigitWords)
        {
            Assert.Equal(TestLexicon.Digits().Lookup(word).Select(p => p.Phones), lexicon.Lookup(word).Select(p => p.Phones));
        }
    }
}

/// <summary>A fact skipped, with the package to install, when Debian's CMUdict (pocketsphinx-en-us) is absent.</summary>
public sealed class CmudictFactAttribute : FactAttribute
{
    public CmudictFactAttribute()
    {
        if (!File.Exists(PronunciationLexicon.DebianCmudictPath))
        {
            Skip = $"{PronunciationLexicon.DebianCmudictPath} is missing: apt-get install pocketsphinx-en-us";
        }
    }
}
