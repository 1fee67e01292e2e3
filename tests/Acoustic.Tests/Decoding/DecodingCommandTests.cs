using System.Text.Json;
using AcousticDistill.Acoustic.Tests.Cli;

namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>The align and decode verbs as a user runs them (an untrained model: the plumbing, not the accuracy).</summary>
public sealed class DecodingCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _model;
    private readonly string _lexicon;
    private readonly string _wav;

    public DecodingCommandTests()
    {
        _model = Path.Combine(_folder.Path, "m.adm");
        TestModels.SaveTiny16k(_model);
        _lexicon = CliInputs.DigitsLexicon(_folder.Path);
        _wav = CliInputs.HumWav(_folder.Path, samples: 12000);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Align_Json_GivesTheTranscriptsWordsTilingTheAudio()
    {
        var (exit, stdout, stderr) = CliRunner.Run("align", "--model", _model, "--wav", _wav, "--text", "three one", "--lexicon", _lexicon, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["three", "one"], json.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("label").GetString()));
        var phones = json.GetProperty("phones").EnumerateArray().ToArray();
        Assert.Equal(0, phones[0].GetProperty("start_sample").GetInt64());
        Assert.Equal(12000, phones[^1].GetProperty("end_sample").GetInt64());
        Assert.Equal(json.GetProperty("frames").GetInt32(), json.GetProperty("frame_labels").GetArrayLength());
        Assert.Equal("unit-test", json.GetProperty("priors").GetString());
    }

    [Fact]
    public void Decode_Json_ReportsWordsPartialsAndRealTimeFactor()
    {
        var (exit, stdout, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--phrases", "one|two|three", "--lexicon", _lexicon, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Contains(json.GetProperty("text").GetString(), new[] { "one", "two", "three", "" });
        Assert.True(json.GetProperty("partials").GetArrayLength() >= 1);
        Assert.True(json.GetProperty("real_time_factor").GetDouble() > 0);
    }

    [Fact]
    public void Decode_WordNotInLexicon_IsAClearError()
    {
        var (exit, _, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--grammar", "one eleven", "--lexicon", _lexicon);

        Assert.Equal(2, exit);
        Assert.Contains("'eleven' is not in the pronunciation lexicon", stderr);
    }

    [Fact]
    public void Decode_LmWithWordsTheLexiconLacks_WarnsNamingThemAndDecodes()
    {
        var lm = Path.Combine(_folder.Path, "lm.arpa");
        File.WriteAllText(lm, "\\data\\\nngram 1=6\n\n\\1-grams:\n-1 </s>\n-99 <s> 0\n-0.6 one 0\n-0.6 two 0\n"
                              + "-0.9 eleven 0\n-0.9 aardvark 0\n\n\\end\\\n");

        var (exit, stdout, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--lm", lm, "--lexicon", _lexicon, "--json");

        Assert.True(exit == 0, stderr);
        Assert.Contains("warning: 2 LM words have no pronunciation and are skipped: aardvark, eleven", stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["aardvark", "eleven"], json.GetProperty("skipped_lm_words").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void Decode_TrigramLm_RunsTheTreeSearch_AndNamesWordsItCannotPronounce()
    {
        var lm = Path.Combine(_folder.Path, "lm3.arpa");
        File.WriteAllText(lm, "\\data\\\nngram 1=5\nngram 2=2\nngram 3=1\n\n\\1-grams:\n-1 </s>\n-99 <s> -0.3\n-0.6 one -0.2\n-0.6 two -0.2\n"
                              + "-0.9 aardvark 0\n\n\\2-grams:\n-0.3 <s> one -0.1\n-0.3 one two -0.1\n\n\\3-grams:\n-0.1 <s> one two\n\n\\end\\\n");

        var (exit, stdout, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--lm", lm, "--lexicon", _lexicon, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("tree", json.GetProperty("search").GetString());
        Assert.Equal(["aardvark"], json.GetProperty("skipped_lm_words").EnumerateArray().Select(w => w.GetString()));
        Assert.All(json.GetProperty("words").EnumerateArray(), w => Assert.Contains(w.GetProperty("word").GetString(), new[] { "one", "two" }));
    }

    [Fact]
    public void Decode_HugeWordPenalty_RecognisesNoWords()
    {
        var (exit, stdout, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--grammar", "one two three", "--lexicon", _lexicon,
                                                   "--word-penalty", "-100000", "--silence-penalty", "-1", "--json");

        Assert.True(exit == 0, stderr);
        Assert.Equal("", JsonDocument.Parse(stdout).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Decode_NonFiniteWordPenalty_IsAClearError()
    {
        var (exit, _, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav, "--grammar", "one two", "--lexicon", _lexicon, "--word-penalty", "NaN");

        Assert.Equal(2, exit);
        Assert.Contains("penalties finite", stderr);
    }

    [Fact]
    public void Decode_NeitherGrammarNorPhrases_SaysWhatIsMissing()
    {
        var (exit, _, stderr) = CliRunner.Run("decode", "--model", _model, "--wav", _wav);

        Assert.NotEqual(0, exit);
        Assert.Contains("--grammar, --phrases or --lm", stderr);
    }
}
