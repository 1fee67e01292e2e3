using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Tests.Transcription;

public sealed class RecognitionGraphsTests : IDisposable
{
    private const string Family = "en-16k";
    private readonly string _folder = Directory.CreateTempSubdirectory("graphs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Default_FamilyWithItsOwnLanguageModel_UsesIt_OtherFamiliesKeepTheWords_UnknownLmWordsSkipped()
    {
        var lm = Path.Combine(_folder, "task.arpa");
        File.WriteAllText(lm, "\\data\\\nngram 1=5\n\n\\1-grams:\n-1.0 <s> -0.3\n-1.0 </s>\n-0.5 yes -0.3\n-0.5 no -0.3\n-0.7 zzqxv -0.3\n\n\\end\\\n");
        var options = new TranscriptionOptions { LanguageModels = new() { [Family] = lm } };
        using var graphs = new RecognitionGraphs(Options.Create(options), NullLogger<RecognitionGraphs>.Instance);

        var task = graphs.Default(Family);
        var digits = graphs.Default("en-8k");

        Assert.Equal(["no", "yes"], task.Words.Order());
        Assert.Contains("seven", digits.Words);
        Assert.DoesNotContain("yes", digits.Words);
        Assert.Same(task, graphs.Default(Family));
        Assert.NotSame(task, graphs.Default(Family, wordPenalty: -1f));
    }

    [Fact]
    public void Validate_LanguageModelForAnUnknownFamily_IsAClearError()
    {
        var options = new TranscriptionOptions { LanguageModels = new() { ["xx-1k"] = "a.arpa" } };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("xx-1k", error.Message);
    }

    [Fact]
    public void For_SamePhraseListTwice_ReturnsTheCachedGraph()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions()), NullLogger<RecognitionGraphs>.Instance);

        var first = graphs.For(Family, ["yes", "no thanks"]);
        var again = graphs.For(Family, ["yes", "no thanks"]);

        Assert.Same(first, again);
        Assert.NotSame(first, graphs.For(Family, ["no thanks", "yes"]));
        Assert.Same(graphs.Default(Family), graphs.For(Family, []));
    }

    [Fact]
    public void For_MorePhraseListsThanTheCacheHolds_KeepsAtMostGraphCacheSize()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions { GraphCacheSize = 3 }), NullLogger<RecognitionGraphs>.Instance);
        string[] words = ["one", "two", "three", "four", "five", "six", "seven", "eight"];

        foreach (var word in words)
        {
            Assert.Contains(word, graphs.For(Family, [word]).Words);
            Assert.InRange(graphs.CachedPhraseLists, 1, 3);
        }
    }

    [Fact]
    public void For_UnknownWord_IsAnArgumentErrorNamingIt()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions()), NullLogger<RecognitionGraphs>.Instance);

        var error = Assert.Throws<ArgumentException>(() => graphs.For(Family, ["zzqxv"]));

        Assert.Contains("zzqxv", error.Message);
    }
}
