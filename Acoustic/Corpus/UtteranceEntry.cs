namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// One utterance of a corpus manifest. <see cref="AudioPath"/> is relative to the corpus folder; the phone
/// and word alignments sit beside it with the extensions <c>.phn</c> and <c>.wrd</c>.
/// </summary>
public sealed record UtteranceEntry(
    string Id,
    string Speaker,
    CorpusSplit Split,
    string AudioPath,
    string Text,
    long NumSamples)
{
    /// <summary>Path of the phone alignment, relative to the corpus folder.</summary>
    public string PhonePath => Path.ChangeExtension(AudioPath, ".phn");

    /// <summary>Path of the word alignment, relative to the corpus folder.</summary>
    public string WordPath => Path.ChangeExtension(AudioPath, ".wrd");
}
