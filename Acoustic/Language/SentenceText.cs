using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Training sentences for a language model: one per line, words separated by white space, lower-cased (CMUdict and
/// the decoder use lower case). Sphinx/AN4 transcription markup is removed, so a transcription file can be used as it
/// is: the <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c> around the words and a trailing utterance id in parentheses, as in
/// <c>&lt;s&gt; GO FORWARD TEN &lt;/s&gt; (an253-fash-b)</c>. Lines left with no words are skipped.
/// </summary>
public static class SentenceText
{
    /// <summary>Reads the sentences of a text file; a clear error when it is missing or holds no words.</summary>
    public static IReadOnlyList<string[]> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sentence file '{path}' does not exist.", path);
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads sentences from <paramref name="reader"/>; <paramref name="name"/> appears in error messages.</summary>
    public static IReadOnlyList<string[]> Parse(TextReader reader, string name)
    {
        var sentences = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            var words = Words(line);
            if (words.Length > 0)
            {
                sentences.Add(words);
            }
        }
        return sentences.Count > 0
            ? sentences
            : throw new InvalidDataException($"{name} has no sentences: expected one sentence per line, words separated by spaces.");
    }

    /// <summary>The lower-cased words of one line, without sentence markers or a trailing <c>(utterance-id)</c>.</summary>
    public static string[] Words(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var count = tokens.Length;
        if (count > 0 && tokens[^1].StartsWith('(') && tokens[^1].EndsWith(')'))
        {
            count--;
        }
        return tokens.Take(count)
                     .Select(t => t.ToLowerInvariant())
                     .Where(t => t is not ArpaLanguageModel.SentenceStart and not ArpaLanguageModel.SentenceEnd)
                     .ToArray();
    }
}
