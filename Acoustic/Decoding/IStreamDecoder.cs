namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A frame-synchronous search over acoustic scores, one per stream: the compiled-graph search for grammars and phrase
/// lists (<see cref="BeamSearchDecoder"/>) and the lexicon-tree search for large vocabularies
/// (<see cref="Lvcsr.LexiconTreeDecoder"/>) both take scores chunk by chunk and give partial and final results, so the
/// streaming, scoring and serving code above them does not care which runs.
/// </summary>
public interface IStreamDecoder
{
    /// <summary>Frames decoded since the last <see cref="Reset"/>.</summary>
    int FramesDecoded { get; }

    /// <summary>States active after the last frame (a measure of search effort).</summary>
    int ActiveStates { get; }

    /// <summary>Frames the best path has spent in silence (or between words) at the end so far.</summary>
    int TrailingSilenceFrames { get; }

    /// <summary>Decodes frames of scores (row-major, frames × classes).</summary>
    void AcceptScores(ReadOnlySpan<float> scores);

    /// <summary>The best hypothesis so far (completed words only).</summary>
    DecodingResult PartialResult();

    /// <summary>The final hypothesis.</summary>
    DecodingResult Finish();

    /// <summary>True when the endpoint rules say the utterance is over.</summary>
    bool IsEndpoint(EndpointOptions rules);

    /// <summary>Forgets the stream and starts again.</summary>
    void Reset();
}
