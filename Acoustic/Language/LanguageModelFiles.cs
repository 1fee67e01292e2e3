namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Opens a language model file of any format the project reads, told apart by its first bytes: its own compact form
/// (<see cref="CompactLanguageModelFile"/>), CMU Sphinx's binary trie (<see cref="SphinxTrieLanguageModelReader"/>) or
/// ARPA text (<see cref="ArpaNgramReader"/>).
/// </summary>
public static class LanguageModelFiles
{
    /// <summary>The format of the file at <paramref name="path"/>: "adlm", "sphinx-trie" or "arpa".</summary>
    public static string FormatOf(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' does not exist.", path);
        }
        return CompactLanguageModelFile.IsCompactFile(path) ? "adlm"
            : SphinxTrieLanguageModelReader.IsSphinxTrieFile(path) ? "sphinx-trie"
            : "arpa";
    }

    /// <summary>Loads the model; an <see cref="InvalidDataException"/> naming the problem for a bad file.</summary>
    public static NgramLanguageModel Load(string path, long maxBytes = CompactLanguageModelFile.DefaultMaxBytes) => FormatOf(path) switch
    {
        "adlm" => CompactLanguageModelFile.Load(path, maxBytes),
        "sphinx-trie" => SphinxTrieLanguageModelReader.Read(path).Model,
        _ => ArpaNgramReader.Load(path),
    };
}
