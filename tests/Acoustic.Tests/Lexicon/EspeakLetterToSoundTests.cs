using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Lexicon;

/// <summary>Letter-to-sound pronunciations from espeak-ng for words CMUdict lacks, and the lexicon that carries them.</summary>
public sealed class EspeakLetterToSoundTests
{
    private static string Phones(IReadOnlyList<int> phones) => string.Join(' ', phones.Select(p => PhoneSet.Phones[p]));

    [Fact]
    public void Guess_WordsOutsideCmudict_GetPronunciationsInThePhoneSet()
    {
        var guesses = new EspeakLetterToSound().Guess(["kubernetes", "zorblax", "Kubernetes"]);

        Assert.Equal(2, guesses.Count);
        Assert.Equal("k y uw b er n iy t s", Phones(guesses["kubernetes"]));
        Assert.StartsWith("z ao r b l ae k s", Phones(guesses["zorblax"]));
    }

    [Fact]
    public void Guess_TextThatIsNotAWord_GetsNoPronunciation_AndReachesNoCommandLine()
    {
        var guesses = new EspeakLetterToSound().Guess(["--help", "a;b", "-v", ""]);

        Assert.Empty(guesses);
    }

    [Fact]
    public void WithGuesses_AddsOnlyMissingWords_AndNamesThemGuessed()
    {
        var lexicon = PronunciationLexicon.Parse(new StringReader("one W AH1 N\n"), "tiny");
        var kSound = PhoneSet.IndexOf("k");

        var guessed = lexicon.WithGuesses(new Dictionary<string, IReadOnlyList<int>> { ["kay"] = [kSound, PhoneSet.IndexOf("ey")], ["one"] = [kSound] });

        Assert.Equal(["kay"], guessed.GuessedWords);
        Assert.Equal("k ey", Phones(guessed.Lookup("kay")[0].Phones));
        Assert.Equal("w ah n", Phones(guessed.Lookup("one")[0].Phones)); // the dictionary's own entry wins
        Assert.False(lexicon.Contains("kay"));
    }
}
