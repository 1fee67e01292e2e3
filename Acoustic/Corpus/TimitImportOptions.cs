namespace AcousticDistill.Acoustic.Corpus;

/// <summary>How a TIMIT-layout corpus is imported.</summary>
public sealed record TimitImportOptions
{
    /// <summary>Root holding <c>TRAIN</c> and <c>TEST</c> (any letter case).</summary>
    public required string TimitDirectory { get; init; }

    /// <summary>Folder the imported corpus is written to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Corpus sample rate; TIMIT's 16 kHz audio is resampled when this differs.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>
    /// Every this-many-th TEST speaker (in dialect-region, speaker order, starting with the second) becomes dev,
    /// so dev is speaker-held-out from both train and test. 3 gives about a third of TEST.
    /// </summary>
    public int DevSpeakerEvery { get; init; } = 3;

    /// <summary>
    /// Keep the two SA sentences every speaker reads. Off by default: they would put the same text in every
    /// split (and they are the dialect shibboleths, usually left out of phone recognition).
    /// </summary>
    public bool IncludeSaSentences { get; init; }
}
