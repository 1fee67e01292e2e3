namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>A small CMUdict-format lexicon written to a file, so graph tests need no system dictionary.</summary>
internal static class TestLexiconFile
{
    public const string Text = """
        zero Z IH1 R OW0
        oh OW1
        one W AH1 N
        two T UW1
        three TH R IY1
        four F AO1 R
        five F AY1 V
        six S IH1 K S
        seven S EH1 V AH0 N
        eight EY1 T
        nine N AY1 N
        yes Y EH1 S
        no N OW1
        thanks TH AE1 NG K S
        """;

    /// <summary>Writes the lexicon into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var path = Path.Combine(folder, "test.dict");
        File.WriteAllText(path, Text);
        return path;
    }
}
