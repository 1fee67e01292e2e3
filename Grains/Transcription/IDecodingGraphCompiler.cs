using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Compiles a grammar into a decoding graph for <see cref="RecognitionGraphs"/>: <see cref="DecodingGraph.Build"/> in
/// service; a seam where tests hold a build at a known point to see what the session does meanwhile.
/// </summary>
public interface IDecodingGraphCompiler
{
    /// <summary>The compiled graph; stops with <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    DecodingGraph Compile(Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions options, CancellationToken cancellationToken);
}

/// <summary>Compiles with <see cref="DecodingGraph.Build"/>.</summary>
public sealed class DecodingGraphCompiler : IDecodingGraphCompiler
{
    /// <inheritdoc />
    public DecodingGraph Compile(Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions options, CancellationToken cancellationToken) =>
        DecodingGraph.Build(grammar, lexicon, options, cancellationToken);
}
