namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Writes one utterance in the corpus layout: <c>{split}/{speaker}/{utt}.wav|.phn|.wrd|.txt</c>.</summary>
public static class CorpusWriter
{
    /// <summary>The folder name of a split (<c>train</c>, <c>dev</c>, <c>test</c>).</summary>
    public static string FolderOf(CorpusSplit split) => split.ToString().ToLowerInvariant();

    /// <summary>Writes the files and returns the manifest entry (paths relative to <paramref name="corpusDirectory"/>).</summary>
    public static UtteranceEntry Write(string corpusDirectory, CorpusSplit split, string speaker, string utteranceId,
                                       ReadOnlySpan<float> samples, int sampleRate, IReadOnlyList<TimedSegment> phones,
                                       IReadOnlyList<TimedSegment> words, string text)
    {
        var relativeAudio = Path.Combine(FolderOf(split), speaker, utteranceId + ".wav");
        var audioPath = Path.Combine(corpusDirectory, relativeAudio);
        Directory.CreateDirectory(Path.GetDirectoryName(audioPath)!);
        WavWriter.WritePcm16(audioPath, samples, sampleRate);
        AlignmentFile.Write(Path.ChangeExtension(audioPath, ".phn"), phones);
        AlignmentFile.Write(Path.ChangeExtension(audioPath, ".wrd"), words);
        File.WriteAllText(Path.ChangeExtension(audioPath, ".txt"), text + "\n");
        return new UtteranceEntry(utteranceId, speaker, split, relativeAudio, text, samples.Length);
    }
}
