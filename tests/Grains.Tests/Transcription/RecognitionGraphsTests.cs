using AcousticDistill.Grains.Tests.Fixtures;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Tests.Transcription;

public sealed class RecognitionGraphsTests : IDisposable
{
    private const string Family = "en-16k";
    private readonly string _folder = Directory.CreateTempSubdirectory("graphs-").FullName;
    private readonly string _lexicon;

    public RecognitionGraphsTests() => _lexicon = TestLexiconFile.Write(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RecognitionGraphs Graphs(TranscriptionOptions? options = null, IDecodingGraphCompiler? compiler = null)
    {
        options ??= new TranscriptionOptions();
        options.Lexicon = _lexicon;
        return new RecognitionGraphs(Options.Create(options), NullLogger<RecognitionGraphs>.Instance, compiler);
    }

    [Fact]
    public void Default_FamilyWithItsOwnLanguageModel_UsesIt_OtherFamiliesKeepTheWords_UnknownLmWordsSkipped()
    {
        var lm = Path.Combine(_folder, "task.arpa");
        File.WriteAllText(lm, "\\data\\\nngram 1=5\n\n\\1-grams:\n-1.0 <s> -0.3\n-1.0 </s>\n-0.5 yes -0.3\n-0.5 no -0.3\n-0.7 zzqxv -0.3\n\n\\end\\\n");
        using var graphs = Graphs(new TranscriptionOptions { LanguageModels = new() { [Family] = lm } });

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

    [Theory]
    [InlineData(0L, 1_000_000L, 5.0, 2)]
    [InlineData(1024L, 0L, 5.0, 2)]
    [InlineData(1024L, 1_000_000L, 0.0, 2)]
    [InlineData(1024L, 1_000_000L, 5.0, 0)]
    public void Validate_NonPositiveGraphLimit_IsAClearErrorNamingThem(long cacheBytes, long maxStates, double timeoutSeconds, int builds)
    {
        var options = new TranscriptionOptions
        {
            GraphCacheBytes = cacheBytes, MaxGraphStates = maxStates, GraphBuildTimeout = TimeSpan.FromSeconds(timeoutSeconds), ConcurrentGraphBuilds = builds,
        };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("GraphCacheBytes, MaxGraphStates, GraphBuildTimeout, ConcurrentGraphBuilds and GraphCacheIdle", error.Message);
    }

    [Fact]
    public async Task ForAsync_SamePhraseListTwice_ReturnsTheCachedGraph()
    {
        using var graphs = Graphs();

        var first = await graphs.ForAsync(Family, ["yes", "no thanks"]);
        var again = await graphs.ForAsync(Family, ["yes", "no thanks"]);

        Assert.Same(first, again);
        Assert.NotSame(first, await graphs.ForAsync(Family, ["no thanks", "yes"]));
        Assert.Same(graphs.Default(Family), await graphs.ForAsync(Family, []));
    }

    [Fact]
    public async Task ForAsync_MorePhraseListsThanTheCacheHolds_KeepsAtMostGraphCacheSize()
    {
        using var graphs = Graphs(new TranscriptionOptions { GraphCacheSize = 3 });
        string[] words = ["one", "two", "three", "four", "five", "six", "seven", "eight"];

        foreach (var word in words)
        {
            Assert.Contains(word, (await graphs.ForAsync(Family, [word])).Words);
            Assert.InRange(graphs.CachedPhraseLists, 1, 3);
        }
    }

    [Fact]
    public async Task ForAsync_GraphsNobodyAsksForAgain_LeaveTheCacheOnTheirOwn()
    {
        using var graphs = Graphs(new TranscriptionOptions { GraphCacheIdle = TimeSpan.FromMilliseconds(200) });
        await graphs.ForAsync(Family, ["one two"]);
        await graphs.ForAsync(Family, ["three four"]);
        Assert.Equal(2, graphs.CachedPhraseLists);

        // No further call: the silo's sweep alone must give the memory back.
        await Polling.UntilAsync(() => Task.FromResult(graphs.CachedPhraseLists), n => n == 0, n => $"{n} graphs still cached",
            TimeSpan.FromSeconds(30));

        Assert.Equal(0, graphs.CachedBytes);
    }

    [Fact]
    public async Task ForAsync_GraphsPastTheByteLimit_EvictTheLeastRecentlyUsed_AndStayWithinIt()
    {
        string[][] lists = [["one two three"], ["four five six"], ["seven eight nine"], ["yes no thanks"]];
        long[] sizes;
        using (var measure = Graphs())
        {
            sizes = await Task.WhenAll(lists.Select(async l => (await measure.ForAsync(Family, [.. l])).EstimatedBytes));
        }
        // Room for the first three lists, not for a fourth.
        var limit = sizes[0] + sizes[1] + sizes[2];
        using var graphs = Graphs(new TranscriptionOptions { GraphCacheBytes = limit });
        var first = await graphs.ForAsync(Family, [.. lists[0]]);
        var second = await graphs.ForAsync(Family, [.. lists[1]]);
        await graphs.ForAsync(Family, [.. lists[2]]);
        Assert.Same(second, await graphs.ForAsync(Family, [.. lists[1]])); // used again: the first is now the oldest

        await graphs.ForAsync(Family, [.. lists[3]]);

        Assert.InRange(graphs.CachedBytes, 1, limit);
        Assert.Same(second, await graphs.ForAsync(Family, [.. lists[1]]));
        Assert.NotSame(first, await graphs.ForAsync(Family, [.. lists[0]]));
    }

    [Fact]
    public async Task ForAsync_WordOutsideTheLexicon_IsPronouncedByLetterToSound_AndReportedAsGuessed()
    {
        using var graphs = Graphs();

        var graph = await graphs.ForAsync(Family, ["one zorblax", "two"]);

        Assert.Equal(["zorblax"], graph.GuessedWords);
        Assert.Contains("zorblax", graph.Words);
    }

    [Fact]
    public async Task ForAsync_WordNoRuleCanPronounce_IsAnArgumentErrorNamingIt()
    {
        using var graphs = Graphs();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => graphs.ForAsync(Family, ["one zz;qx"]));

        Assert.Contains("'zz;qx'", error.Message);
        Assert.Contains("cannot pronounce", error.Message);
    }

    [Fact]
    public async Task ForAsync_ListOverMaxGraphStates_IsRefusedNamingTheLimit_BeforeAnyBuild()
    {
        var compiler = new HeldGraphCompiler();
        compiler.Release();
        using var graphs = Graphs(new TranscriptionOptions { MaxGraphStates = 20 }, compiler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => graphs.ForAsync(Family, ["one two three four five six"]));

        Assert.Contains("Transcription:MaxGraphStates", error.Message);
        Assert.Equal(0, compiler.StartedBuilds);
        Assert.Contains("yes", (await graphs.ForAsync(Family, ["yes"])).Words); // a small list still fits
    }

    [Fact]
    public async Task ForAsync_CallerCancelsDuringTheBuild_StopsTheBuild_AndCachesNothing()
    {
        var compiler = new HeldGraphCompiler();
        using var graphs = Graphs(new TranscriptionOptions { GraphBuildTimeout = TimeSpan.FromMinutes(5) }, compiler);
        using var caller = new CancellationTokenSource();

        var build = graphs.ForAsync(Family, ["yes", "no thanks"], cancellationToken: caller.Token);
        await compiler.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        await compiler.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, graphs.CachedPhraseLists);
    }

    [Fact]
    public async Task ForAsync_BuildPastGraphBuildTimeout_StopsIt_WithAnErrorNamingTheSetting()
    {
        var compiler = new HeldGraphCompiler(); // never released: only the time limit ends the build
        using var graphs = Graphs(new TranscriptionOptions { GraphBuildTimeout = TimeSpan.FromMilliseconds(200) }, compiler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => graphs.ForAsync(Family, ["yes", "no thanks"]));

        Assert.Contains("Transcription:GraphBuildTimeout", error.Message);
        // The limit may pass before the build starts (a slow machine); a build that did start was stopped, not finished.
        Assert.True(compiler.StartedBuilds == 0 || compiler.Cancelled.Task.IsCompleted);
        Assert.Equal(0, graphs.CachedPhraseLists);
    }

    [Fact]
    public async Task ForAsync_AllBuildersBusyPastTheTimeout_IsRefusedAsBusy_WithoutStartingAnotherBuild()
    {
        var compiler = new HeldGraphCompiler(holdThroughCancellation: true);
        // Long enough for the first list's checks to reach the builder on a busy machine; the second then waits it out.
        using var graphs = Graphs(new TranscriptionOptions { ConcurrentGraphBuilds = 1, GraphBuildTimeout = TimeSpan.FromSeconds(3) }, compiler);
        var holding = graphs.ForAsync(Family, ["yes"]);
        if (await Task.WhenAny(holding, compiler.Started.Task).WaitAsync(TimeSpan.FromSeconds(30)) == holding)
        {
            await holding; // failed before its build: its error is the test's failure
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => graphs.ForAsync(Family, ["no thanks"]));

        Assert.Contains("Transcription:GraphBuildTimeout", error.Message);
        Assert.Equal(1, compiler.StartedBuilds);
        // Released only once its own time limit has fired (the second list's wait may end first): it then stops at its
        // next look at the token.
        await Polling.UntilAsync(() => Task.FromResult(compiler.FirstBuildToken.IsCancellationRequested), fired => fired,
            _ => "the held build's time limit has not fired", TimeSpan.FromSeconds(30));
        compiler.Release();
        await Assert.ThrowsAsync<ArgumentException>(() => holding);
    }
}
