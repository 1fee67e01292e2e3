namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// When a stream's utterance is over, judged from trailing silence on the best path (after Kaldi's endpoint rules):
/// silence alone for <see cref="SilenceOnlySeconds"/>; after words, silence for <see cref="AfterFinalSeconds"/> when
/// the best path can end there or <see cref="AfterWordsSeconds"/> otherwise; or the utterance reached <see cref="MaxUtteranceSeconds"/>.
/// </summary>
public sealed record EndpointOptions
{
    /// <summary>Endpoint when nothing but silence was heard for this long (Kaldi rule 1: 5 s).</summary>
    public double SilenceOnlySeconds { get; init; } = 5.0;

    /// <summary>Endpoint after words, when the best path is in a final state, after this much trailing silence (rule 2: 0.5 s).</summary>
    public double AfterFinalSeconds { get; init; } = 0.5;

    /// <summary>Endpoint after words after this much trailing silence even if not final (rule 3: 1 s).</summary>
    public double AfterWordsSeconds { get; init; } = 1.0;

    /// <summary>Endpoint when the utterance is this long (rule 5: 20 s).</summary>
    public double MaxUtteranceSeconds { get; init; } = 20.0;
}
