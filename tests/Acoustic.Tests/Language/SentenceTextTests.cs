using AcousticDistill.Acoustic.Language;
using AcousticDistill.Acoustic.Tests.Corpus;

namespace AcousticDistill.Acoustic.Tests.Language;

public sealed class SentenceTextTests
{
    [Theory]
    [InlineData("<s> GO FORWARD TEN </s> (an253-fash-b)", new[] { "go", "forward", "ten" })]
    [InlineData("  Hello   World  ", new[] { "hello", "world" })]
    [InlineData("<s> YES </s>", new[] { "yes" })]
    [InlineData("<s> </s> (cen1-fash-b)", new string[0])]
    public void Words_StripsAn4MarkupAndLowerCases(string line, string[] expected)
    {
        Assert.Equal(expected, SentenceText.Words(line));
    }

    [Fact]
    public void Parse_SkipsLinesWithoutWords()
    {
        var sentences = SentenceText.Parse(new StringReader("<s> YES </s> (a)\n\n   \n<s> </s> (b)\nno\n"), "t.txt");

        Assert.Equal([["yes"], ["no"]], sentences);
    }

    [Fact]
    public void Parse_NoSentences_IsAClearErrorNamingTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => SentenceText.Parse(new StringReader("\n<s> </s>\n"), "empty.txt"));

        Assert.Contains("empty.txt has no sentences", error.Message);
    }

    [Fact]
    public void Load_MissingFile_IsAClearErrorNamingIt()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "absent.txt");

        var error = Assert.Throws<FileNotFoundException>(() => SentenceText.Load(path));

        Assert.Contains(path, error.Message);
    }
}
