using System.Text.Json;
using AcousticDistill.Acoustic.Tests.Cli;
using AcousticDistill.Acoustic.Tests.Corpus;

namespace AcousticDistill.Acoustic.Tests.Language;

/// <summary><c>acoustic lm build</c> as a user runs it.</summary>
public sealed class LmBuildCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LmBuild_An4StyleText_WritesAnArpaFileAndPrintsItsCounts()
    {
        var text = Path.Combine(_folder.Path, "train.transcription");
        File.WriteAllText(text, "<s> GO FORWARD TEN </s> (an1-x-b)\n<s> STOP </s> (an2-x-b)\n<s> GO BACK TEN </s> (an3-x-b)\n");
        var arpa = Path.Combine(_folder.Path, "lm", "an4.arpa");

        var (exit, stdout, stderr) = CliRunner.Run("lm", "build", "--text", text, "--order", "2", "--out", arpa, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(3, json.GetProperty("sentences").GetInt32());
        Assert.Equal(7, json.GetProperty("words").GetInt32());
        Assert.Equal(5, json.GetProperty("vocabulary").GetInt32());
        var lm = ArpaLanguageModel.Load(arpa);
        Assert.Equal([lm.Unigrams.Count, lm.Bigrams.Count], json.GetProperty("ngrams").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Contains(("go", "forward"), lm.Bigrams.Keys);
    }

    [Fact]
    public void LmBuild_MissingText_IsAClearError()
    {
        var (exit, _, stderr) = CliRunner.Run("lm", "build", "--text", Path.Combine(_folder.Path, "none.txt"), "--out", Path.Combine(_folder.Path, "x.arpa"));

        Assert.Equal(2, exit);
        Assert.Contains("none.txt' does not exist", stderr);
    }

    [Fact]
    public void LmBuild_OrderOutOfRange_SaysTheRange()
    {
        var (exit, _, stderr) = CliRunner.Run("lm", "build", "--text", "t.txt", "--order", "5", "--out", "x.arpa");

        Assert.NotEqual(0, exit);
        Assert.Contains("--order must be from 1 to 3; got 5", stderr);
    }
}
