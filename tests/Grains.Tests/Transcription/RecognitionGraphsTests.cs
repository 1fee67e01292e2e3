using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Tests.Transcription;

public sealed class RecognitionGraphsTests
{
    [Fact]
    public void For_SamePhraseListTwice_ReturnsTheCachedGraph()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions()));

        var first = graphs.For(["yes", "no thanks"]);
        var again = graphs.For(["yes", "no thanks"]);

        Assert.Same(first, again);
        Assert.NotSame(first, graphs.For(["no thanks", "yes"]));
        Assert.Same(graphs.Default, graphs.For([]));
    }

    [Fact]
    public void For_MorePhraseListsThanTheCacheHolds_KeepsAtMostGraphCacheSize()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions { GraphCacheSize = 3 }));
        string[] words = ["one", "two", "three", "four", "five", "six", "seven", "eight"];

        foreach (var word in words)
        {
            Assert.Contains(word, graphs.For([word]).Words);
            Assert.InRange(graphs.CachedPhraseLists, 1, 3);
        }
    }

    [Fact]
    public void For_UnknownWord_IsAnArgumentErrorNamingIt()
    {
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions()));

        var error = Assert.Throws<ArgumentException>(() => graphs.For(["zzqxv"]));

        Assert.Contains("zzqxv", error.Message);
    }
}
