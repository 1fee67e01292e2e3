using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// Aligns audio to a known transcript with a frame classifier: the transcript becomes a left-to-right HMM through
/// the lexicon (alternate pronunciations in parallel, optional silence between words and at both ends, 3 states per
/// phone with self-loops), and the best path gives phone and word segments and frame labels. This turns
/// transcribed-only audio into training data. Thread-safe when the scorer's model is only used for inference.
/// </summary>
public sealed class ForcedAligner
{
    private readonly AcousticScorer _scorer;
    private readonly PronunciationLexicon _lexicon;
    private readonly DecodingGraphOptions _graphOptions;

    /// <summary>An aligner scoring with <paramref name="scorer"/> and spelling words with <paramref name="lexicon"/>.</summary>
    public ForcedAligner(AcousticScorer scorer, PronunciationLexicon lexicon, DecodingGraphOptions? graphOptions = null)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _graphOptions = graphOptions ?? new DecodingGraphOptions();
        _graphOptions.Validate();
    }

    /// <summary>Aligns samples at the model's rate to <paramref name="transcript"/>.</summary>
    public AlignmentResult Align(ReadOnlySpan<float> samples, string transcript)
    {
        var graph = DecodingGraph.Build(Grammar.Transcript(transcript), _lexicon, _graphOptions);
        var scores = _scorer.ScoreAudio(samples);
        return ViterbiAligner.Align(graph, scores, _scorer.Classes, FrameTiming.Of(_scorer.Metadata.Features), samples.Length);
    }
}
