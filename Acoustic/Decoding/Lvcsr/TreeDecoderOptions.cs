namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// The numbers of the lexicon-tree search (<see cref="LexiconTreeDecoder"/>): the language model's weight and the
/// penalties as in <see cref="DecodingGraphOptions"/>, and pruning in three explicit bounds, as Kaldi's decoders have
/// them — a beam, a histogram limit on active states (max-active) and a narrower beam on word ends, where every
/// surviving token costs a language-model lookup and a new tree copy.
/// </summary>
public sealed record TreeDecoderOptions
{
    /// <summary>Weight of the language model's natural-log probabilities against the (scaled) acoustic scores.</summary>
    public float LmWeight { get; init; } = 1f;

    /// <summary>Log weight added for every word (negative values favour fewer, longer words).</summary>
    public float WordInsertionLogPenalty { get; init; }

    /// <summary>Log weight added each time optional silence between words is entered.</summary>
    public float SilenceLogPenalty { get; init; }

    /// <summary>Probability of staying in an HMM state for another frame.</summary>
    public double SelfLoopProbability { get; init; } = 0.5;

    /// <summary>States scoring more than this below the frame's best are dropped.</summary>
    public float Beam { get; init; } = 14f;

    /// <summary>At most this many states stay active per frame (the best ones).</summary>
    public int MaxActive { get; init; } = 7000;

    /// <summary>Word ends scoring more than this below the frame's best word end are dropped.</summary>
    public float WordEndBeam { get; init; } = 10f;

    /// <summary>
    /// Look ahead with the bigram after the previous word rather than unigrams only, so that tokens of words unlikely
    /// in their context are pruned phones before their end. Off by default: on AN4 dev with the general LM it changed
    /// WER by under 0.3 points at beams 10 and 20 but cost 1.4–2× the search time (docs/BENCHMARKS.md).
    /// </summary>
    public bool BigramLookAhead { get; init; }

    /// <summary>Throws a clear error when a value is out of range.</summary>
    public void Validate()
    {
        if (!(LmWeight > 0) || !float.IsFinite(LmWeight) || !float.IsFinite(WordInsertionLogPenalty) || !float.IsFinite(SilenceLogPenalty)
            || !(SelfLoopProbability is > 0 and < 1) || !(Beam > 0) || !float.IsFinite(Beam) || MaxActive < 1
            || !(WordEndBeam > 0) || !float.IsFinite(WordEndBeam))
        {
            throw new ArgumentException(
                $"Tree decoding needs a positive LM weight, beam and word-end beam, finite penalties, a self-loop probability in (0, 1) and max-active ≥ 1; got {this}.");
        }
    }
}
