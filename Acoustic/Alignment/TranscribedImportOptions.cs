namespace AcousticDistill.Acoustic.Alignment;

/// <summary>Where a transcribed import writes and how it splits speakers.</summary>
public sealed record TranscribedImportOptions
{
    /// <summary>Corpus folder to create (manifest.json and the split folders).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Corpus name in the manifest.</summary>
    public string Name { get; init; } = "transcribed";

    /// <summary>Source description in the manifest.</summary>
    public string Source { get; init; } = "transcribed audio, forced-aligned";

    /// <summary>Speakers whose files form the test split.</summary>
    public IReadOnlySet<string> TestSpeakers { get; init; } = new HashSet<string>();

    /// <summary>Speakers whose files form the dev split.</summary>
    public IReadOnlySet<string> DevSpeakers { get; init; } = new HashSet<string>();

    /// <summary>
    /// When no dev speaker is named, every n-th file of the training speakers goes to dev (0: no dev split). Such a dev
    /// split shares speakers with train: fine for choosing an epoch, not for reporting.
    /// </summary>
    public int DevEvery { get; init; }

    /// <summary>Another corpus (same rate) whose train and dev utterances are copied in, e.g. a synthetic corpus.</summary>
    public string? IncludeCorpus { get; init; }

    /// <summary>When set, each file is scaled to this RMS level before alignment and writing (see <see cref="Decoding.LevelNormalization"/>).</summary>
    public double? NormalizeRms { get; init; }

    /// <summary>
    /// Write each file as heard through <see cref="Augmentation.TelephoneChannel"/> (8 kHz, voice band, G.711): how a
    /// narrow-band corpus is made from wide-band recordings. Alignment happens before, at the aligner's rate (a wide-band
    /// model aligns the wide-band audio; the times are then rescaled to 8 kHz).
    /// </summary>
    public bool TelephoneChannel { get; init; }

    /// <summary>Files whose alignment scores below this mean log score per frame are left out (likely wrong transcripts).</summary>
    public double MinLogScorePerFrame { get; init; } = double.NegativeInfinity;
}
