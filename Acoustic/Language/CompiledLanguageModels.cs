namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Loads a language model for serving: an <c>.adlm</c> file as it is; any other format (CMU Sphinx's binary trie, such
/// as Debian's general English <c>en-us.lm.bin</c>, or ARPA text) converted once into the compact form in a cache folder
/// and loaded from there afterwards, so a silo pays the conversion on its first start only. The cached file's name
/// carries the source's size and modification time, so a changed source is converted again.
/// </summary>
public static class CompiledLanguageModels
{
    /// <summary>Debian's <c>pocketsphinx-en-us</c> general US English trigram (72,547 words).</summary>
    public const string DebianGeneralEnglish = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>
    /// The model at <paramref name="path"/>, through <paramref name="cacheDirectory"/> when it needs converting; an
    /// <see cref="InvalidDataException"/> naming the problem for a malformed, truncated or oversized file. A cache folder
    /// that cannot be written is not an error: <paramref name="warn"/> is told and the model is used uncached.
    /// </summary>
    public static NgramLanguageModel Load(string path, string cacheDirectory, long maxBytes = CompactLanguageModelFile.DefaultMaxBytes,
                                          Action<string>? warn = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' does not exist.", path);
        }
        if (LanguageModelFiles.FormatOf(path) == "adlm")
        {
            return CompactLanguageModelFile.Load(path, maxBytes);
        }
        var source = new FileInfo(path);
        // The text or trie form costs a few times its size in memory while it is read: refuse a giant before reading it.
        if (source.Length > maxBytes)
        {
            throw new InvalidDataException($"{path} is {source.Length / 1048576.0:N1} MB, more than the language-model limit of {maxBytes / 1048576.0:N1} MB.");
        }
        var cached = Path.Combine(cacheDirectory,
            $"{Path.GetFileNameWithoutExtension(path)}-{source.Length}-{source.LastWriteTimeUtc.Ticks}.adlm");
        if (File.Exists(cached))
        {
            return CompactLanguageModelFile.Load(cached, maxBytes);
        }
        var model = LanguageModelFiles.Load(path, maxBytes);
        if (model.SizeInBytes > maxBytes)
        {
            throw new InvalidDataException($"{path} needs {model.SizeInBytes / 1048576.0:N1} MB of memory, more than the limit of {maxBytes / 1048576.0:N1} MB.");
        }
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            CompactLanguageModelFile.Save(model, cached);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or full cache folder costs the conversion at every start, not the model.
            warn?.Invoke($"The converted language model could not be cached in {cacheDirectory} ({ex.Message}); it will be converted again at the next start.");
        }
        return model;
    }
}
