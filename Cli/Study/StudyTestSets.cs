using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// What every model of the study is measured on, prepared once with the training split's normalisation: the test split
/// (frames, and words through the decoder when a language model is given), dev, and an optional held-out test set from
/// another corpus (e.g. synthetic voices no model heard), reported separately.
/// </summary>
internal sealed class StudyTestSets(
    FrameDataset test,
    IReadOnlyList<UtteranceEntry> testEntries,
    FrameDataset dev,
    FrameDataset? heldOut,
    StudyDecoder? decoder) : IDisposable
{
    public FrameDataset Test { get; } = test;

    /// <summary>The test utterances in the order of <see cref="Test"/>'s frames.</summary>
    public IReadOnlyList<UtteranceEntry> TestEntries { get; } = testEntries;

    public FrameDataset Dev { get; } = dev;

    public FrameDataset? HeldOut { get; } = heldOut;

    /// <summary>Decodes test utterances into words; null when the study has no language model.</summary>
    public StudyDecoder? Decoder { get; } = decoder;

    /// <summary>Frames of each test utterance, in order.</summary>
    public IReadOnlyList<int> TestUtteranceFrames => Test.UtteranceFrames;

    public void Dispose()
    {
        Test.Dispose();
        HeldOut?.Dispose();
    }
}

/// <summary>The decoding graph, priors and settings shared by every model the study decodes.</summary>
internal sealed record StudyDecoder(DecodingGraph Graph, FrameTiming Timing, ClassPriors Priors, StudyDecoding Settings, int Threads);
