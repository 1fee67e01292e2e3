using AcousticDistill.Acoustic.Decoding.Lvcsr;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// What a stream may say and how its search runs: a compiled grammar (a phrase list, the digits, a deployment's own
/// small LM) or open vocabulary (the general English LM through the lexicon-tree search). Shared by the sessions that
/// use it; each stream gets its own decoder from it, with the serving model's tuned defaults for that kind of search
/// where the settings leave them unset.
/// </summary>
public abstract class RecognitionTask
{
    /// <summary>A new recognizer for one stream, scored by <paramref name="model"/>, biased by <paramref name="boosts"/> where the search takes them.</summary>
    public abstract StreamingRecognizer NewRecognizer(ServingModel model, TranscriptionOptions settings, WordBoosts boosts);
}

/// <summary>A compiled grammar, searched by <see cref="BeamSearchDecoder"/>.</summary>
public sealed class GraphTask(DecodingGraph graph, DecoderOptions? fixedOptions = null) : RecognitionTask
{
    /// <summary>The grammar's graph.</summary>
    public DecodingGraph Graph => graph;

    /// <inheritdoc />
    public override StreamingRecognizer NewRecognizer(ServingModel model, TranscriptionOptions settings, WordBoosts boosts)
    {
        var tuned = model.Scorer.Metadata.Decoding;
        var options = fixedOptions ?? new DecoderOptions
        {
            Beam = settings.Beam ?? tuned?.Beam ?? 14f,
            MaxActive = settings.MaxActive ?? tuned?.MaxActive ?? 3000,
        };
        return new StreamingRecognizer(model.Scorer, graph, options);
    }
}

/// <summary>Open vocabulary: the general language model's words in one shared lexicon tree.</summary>
public sealed class OpenVocabularyTask(LexiconTree tree) : RecognitionTask
{
    /// <summary>The shared tree (and its language model).</summary>
    public LexiconTree Tree => tree;

    /// <inheritdoc />
    public override StreamingRecognizer NewRecognizer(ServingModel model, TranscriptionOptions settings, WordBoosts boosts)
    {
        var scorer = model.OpenVocabularyScorer ?? model.Scorer;
        var tuned = scorer.Metadata.OpenVocabularyDecoding ?? scorer.Metadata.Decoding;
        var options = new TreeDecoderOptions
        {
            LmWeight = settings.LanguageModelWeight,
            WordInsertionLogPenalty = settings.WordPenalty ?? tuned?.WordInsertionPenalty ?? 0f,
            Beam = settings.Beam ?? tuned?.Beam ?? 10f,
            MaxActive = settings.MaxActive ?? tuned?.MaxActive ?? 7000,
            WordEndBeam = settings.WordEndBeam ?? tuned?.WordEndBeam ?? 5f,
        };
        var decoder = new LexiconTreeDecoder(tree, FrameTiming.Of(scorer.Metadata.Features), scorer.Classes, options, boosts);
        return new StreamingRecognizer(scorer, decoder);
    }
}
