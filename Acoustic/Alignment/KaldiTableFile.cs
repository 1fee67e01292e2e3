namespace AcousticDistill.Acoustic.Alignment;

/// <summary>One line of a Kaldi table file: its key (the utterance id), the rest of the line, and where it was.</summary>
internal sealed record KaldiTableEntry(string Key, string Value, int LineNumber);

/// <summary>
/// Reads the <c>key value…</c> text tables of a Kaldi data directory (<c>wav.scp</c>, <c>text</c>, <c>utt2spk</c>):
/// the key runs to the first space or tab, the value is the rest of the line, trimmed. Blank lines are skipped; Kaldi
/// has no comment syntax, so nothing else is. A line without a value, or a key seen twice, is an error naming the file
/// and line, because a silently dropped or overwritten utterance would go unnoticed until training.
/// </summary>
internal static class KaldiTableFile
{
    /// <summary>
    /// The entries of <paramref name="path"/> by key; <paramref name="expected"/> describes a line's shape for the error
    /// message (e.g. <c>utt-id speaker</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, KaldiTableEntry> Read(string path, string expected)
    {
        var entries = new Dictionary<string, KaldiTableEntry>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            var split = trimmed.IndexOfAny([' ', '\t']);
            if (split < 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected '{expected}', got '{trimmed}'.");
            }
            var key = trimmed[..split];
            if (entries.TryGetValue(key, out var first))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: utterance '{key}' is listed again (first on line {first.LineNumber}).");
            }
            entries.Add(key, new KaldiTableEntry(key, trimmed[(split + 1)..].Trim(), lineNumber));
        }
        return entries;
    }
}
