namespace AcousticDistill.Acoustic.Decoding;

/// <summary>Numbers used when a grammar and lexicon are compiled into an HMM state graph.</summary>
public sealed record DecodingGraphOptions
{
    /// <summary>Probability of staying in an HMM state for another frame (0.5 ⇒ a mean of 2 frames per state).</summary>
    public double SelfLoopProbability { get; init; } = 0.5;

    /// <summary>Allow silence before the first word, between words and after the last.</summary>
    public bool OptionalSilence { get; init; } = true;

    /// <summary>Log weight added each time optional silence is entered.</summary>
    public float SilenceLogPenalty { get; init; }

    /// <summary>Log weight added for every word (negative values favour fewer, longer words).</summary>
    public float WordInsertionLogPenalty { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!(SelfLoopProbability > 0 && SelfLoopProbability < 1) || !float.IsFinite(SilenceLogPenalty) || !float.IsFinite(WordInsertionLogPenalty))
        {
            throw new ArgumentException($"The self-loop probability must be in (0, 1) and penalties finite; got {SelfLoopProbability}.");
        }
    }
}
