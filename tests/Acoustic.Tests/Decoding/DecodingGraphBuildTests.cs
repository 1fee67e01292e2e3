using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class DecodingGraphBuildTests
{
    // 300 phrases of three digits: 900 word arcs, several looks at the token.
    private static readonly string[] s_phrases = Enumerable.Range(0, 300)
        .Select(i => $"{TestLexicon.DigitWords[i % 10]} {TestLexicon.DigitWords[i / 10 % 10]} {TestLexicon.DigitWords[i / 100]}").ToArray();

    [Fact]
    public void Build_TokenCancelled_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => DecodingGraph.Build(Grammar.PhraseLoop(s_phrases), TestLexicon.Digits(), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void UpperBoundStates_IsAtLeastWhatTheBuildMakes_AndEstimatedBytesCountsStatesAndArcs()
    {
        var grammar = Grammar.PhraseLoop(s_phrases);
        var lexicon = TestLexicon.Digits();

        var bound = DecodingGraphSize.UpperBoundStates(grammar, lexicon);
        var graph = DecodingGraph.Build(grammar, lexicon);

        Assert.InRange(graph.NodeCount, 1, bound);
        Assert.True(graph.EstimatedBytes >= (long)graph.NodeCount * DecodingGraphSize.BytesPerState + (long)graph.ArcFrom.Length * DecodingGraphSize.BytesPerArc);
    }

    [Fact]
    public void UpperBoundStates_UnknownWord_IsTheBuildsError()
    {
        Assert.Throws<UnknownWordException>(() => DecodingGraphSize.UpperBoundStates(Grammar.PhraseLoop(["one eleven"]), TestLexicon.Digits()));
    }

    [Fact]
    public void Build_ArcsOfEachNodeAreContiguous_AndKeepTheirOrder()
    {
        var graph = DecodingGraph.Build(Grammar.PhraseLoop(s_phrases), TestLexicon.Digits());

        for (var node = 0; node < graph.NodeCount; node++)
        {
            var (first, end) = graph.ArcsOf(node);
            Assert.All(Enumerable.Range(first, end - first), arc => Assert.Equal(node, graph.ArcFrom[arc]));
        }
        Assert.Equal(graph.ArcFrom.Length, graph.ArcsOf(graph.NodeCount - 1).End);
    }
}
