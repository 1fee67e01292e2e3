using System.Globalization;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Reads an ARPA back-off language model of any order (up to <see cref="NgramTrieBuilder.MaxOrder"/>) into a
/// <see cref="NgramLanguageModel"/>: log10 values become natural logs, words are lower-cased as the lexicon is. The
/// <c>\data\</c> counts are checked against what each section holds, so a truncated file is refused with the section
/// and line that fell short.
/// </summary>
public static class ArpaNgramReader
{
    private static readonly double s_ln10 = Math.Log(10);

    /// <summary>Reads the ARPA file at <paramref name="path"/>.</summary>
    public static NgramLanguageModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' does not exist.", path);
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses ARPA text; <paramref name="name"/> appears in error messages.</summary>
    public static NgramLanguageModel Parse(TextReader reader, string name)
    {
        var declared = new List<int>();
        var lineNumber = 0;
        string? line;
        while ((line = Next()) is not null && line != "\\data\\")
        {
        }
        if (line is null)
        {
            throw new InvalidDataException($"{name} is not an ARPA language model: no \\data\\ line.");
        }
        while ((line = Next()) is not null && line.StartsWith("ngram ", StringComparison.Ordinal))
        {
            var parts = line[6..].Split('=');
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var n) || n != declared.Count + 1
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected 'ngram {declared.Count + 1}=COUNT', got '{line}'.");
            }
            declared.Add(count);
        }
        if (declared.Count is 0 or > NgramTrieBuilder.MaxOrder)
        {
            throw new InvalidDataException($"{name}: the \\data\\ section declares {declared.Count} orders (1 to {NgramTrieBuilder.MaxOrder} are read).");
        }
        var order = declared.Count;
        var words = new List<string>(declared[0]);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var unigrams = new List<(float Prob, float Backoff)>(declared[0]);
        NgramTrieBuilder? builder = null;
        for (var n = 1; n <= order; n++)
        {
            if (line != $"\\{n}-grams:")
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected '\\{n}-grams:', got '{line ?? "the end of the file"}'.");
            }
            if (n == 2)
            {
                builder = NewBuilder(words, unigrams, order);
            }
            var ngram = new int[n];
            var read = 0;
            while ((line = Next()) is not null && !line.StartsWith('\\'))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < n + 1 || parts.Length > n + 2 || !TryLog(parts[0], out var prob))
                {
                    throw new InvalidDataException($"{name}:{lineNumber}: expected 'log10prob', {n} word(s) and an optional back-off weight, got '{line}'.");
                }
                var backoff = 0f;
                if (parts.Length == n + 2 && !TryLog(parts[^1], out backoff))
                {
                    throw new InvalidDataException($"{name}:{lineNumber}: the back-off weight '{parts[^1]}' is not a number.");
                }
                if (n == 1)
                {
                    var word = parts[1].ToLowerInvariant();
                    if (!ids.TryAdd(word, words.Count))
                    {
                        throw new InvalidDataException($"{name}:{lineNumber}: the unigram '{word}' is listed twice.");
                    }
                    words.Add(word);
                    unigrams.Add((prob, backoff));
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        ngram[i] = ids.TryGetValue(parts[i + 1].ToLowerInvariant(), out var id) ? id
                            : throw new InvalidDataException($"{name}:{lineNumber}: the word '{parts[i + 1]}' has no unigram.");
                    }
                    builder!.Add(ngram, prob, backoff);
                }
                read++;
            }
            if (read != declared[n - 1])
            {
                throw new InvalidDataException($"{name}: the {n}-grams section holds {read} entries but \\data\\ declares {declared[n - 1]} (is the file truncated?).");
            }
        }
        if (line != "\\end\\")
        {
            throw new InvalidDataException($"{name}:{lineNumber}: expected '\\end\\', got '{line ?? "the end of the file"}' (is the file truncated?).");
        }
        return (builder ?? NewBuilder(words, unigrams, order)).Build();

        string? Next()
        {
            while (reader.ReadLine() is { } raw)
            {
                lineNumber++;
                var trimmed = raw.Trim();
                if (trimmed.Length > 0)
                {
                    return trimmed;
                }
            }
            return null;
        }
    }

    private static NgramTrieBuilder NewBuilder(List<string> words, List<(float Prob, float Backoff)> unigrams, int order)
    {
        var builder = new NgramTrieBuilder(words, order);
        for (var i = 0; i < unigrams.Count; i++)
        {
            builder.SetUnigram(i, unigrams[i].Prob, unigrams[i].Backoff);
        }
        return builder;
    }

    private static bool TryLog(string text, out float ln)
    {
        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var log10) && double.IsFinite(log10);
        ln = ok ? (float)(log10 * s_ln10) : 0f;
        return ok;
    }
}
