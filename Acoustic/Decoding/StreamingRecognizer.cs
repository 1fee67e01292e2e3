namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Speech in, words out for one stream: audio chunks at the model's rate are scored as they arrive
/// (<see cref="StreamingScorer"/>) and decoded (<see cref="BeamSearchDecoder"/>); partial results at any time, the
/// final result at end of stream, and an endpoint test for live audio. Not thread-safe; one per stream.
/// </summary>
public sealed class StreamingRecognizer
{
    private readonly StreamingScorer _scorer;
    private readonly IStreamDecoder _decoder;

    /// <summary>A recognizer for one stream over a shared scorer and compiled graph.</summary>
    public StreamingRecognizer(AcousticScorer scorer, DecodingGraph graph, DecoderOptions? options = null)
        : this(scorer, new BeamSearchDecoder(graph, FrameTiming.Of((scorer ?? throw new ArgumentNullException(nameof(scorer))).Metadata.Features), scorer.Classes, options))
    {
    }

    /// <summary>A recognizer for one stream over a shared scorer and a search of its own (graph or lexicon tree).</summary>
    public StreamingRecognizer(AcousticScorer scorer, IStreamDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        _scorer = new StreamingScorer(scorer);
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
    }

    /// <summary>The streaming scorer (for observing the network's input, <see cref="StreamingScorer.RowsScored"/>).</summary>
    public StreamingScorer Scoring => _scorer;

    /// <summary>The decoder (for its endpoint test and search statistics).</summary>
    public IStreamDecoder Decoder => _decoder;

    /// <summary>Adds samples (floats in [−1, 1] at the model's rate) and decodes the frames that became ready.</summary>
    public void AcceptWaveform(ReadOnlySpan<float> samples) => _decoder.AcceptScores(_scorer.AcceptWaveform(samples));

    /// <summary>The best hypothesis so far.</summary>
    public DecodingResult PartialResult() => _decoder.PartialResult();

    /// <summary>Ends the stream and returns the final result; call <see cref="Reset"/> before the next utterance.</summary>
    public DecodingResult Finish()
    {
        _decoder.AcceptScores(_scorer.Finish());
        return _decoder.Finish();
    }

    /// <summary>Starts a new utterance.</summary>
    public void Reset()
    {
        _scorer.Reset();
        _decoder.Reset();
    }
}
