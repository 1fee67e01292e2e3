using System.Text;
using System.Text.RegularExpressions;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// English sentences for synthesis from a fortune-cookie collection (Debian main package <c>fortunes-min</c>,
/// files under <c>/usr/share/games/fortunes</c>): records split on <c>%</c> lines, attributions
/// (<c>-- Author</c>) dropped, split into sentences, kept when they are plain ASCII letters with ordinary
/// punctuation and 3–15 words. Duplicates (case-insensitive) are removed; the order is the files' order.
/// </summary>
public static partial class SentenceSource
{
    /// <summary>Where fortunes-min installs its files.</summary>
    public const string DefaultFortuneDirectory = "/usr/share/games/fortunes";

    /// <summary>Reads every fortune file (not the .dat indexes or .u8 copies) in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> LoadFortunes(string directory = DefaultFortuneDirectory, int minWords = 3, int maxWords = 15)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"no fortune files at {directory}: install the Debian package fortunes-min (apt-get install fortunes-min).");
        }
        var files = Directory.GetFiles(directory)
            .Where(f => Path.GetExtension(f) is "" && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sentences = new List<string>();
        foreach (var file in files)
        {
            foreach (var sentence in ExtractSentences(File.ReadAllText(file, Encoding.Latin1), minWords, maxWords))
            {
                if (seen.Add(sentence))
                {
                    sentences.Add(sentence);
                }
            }
        }
        return sentences;
    }

    /// <summary>The clean sentences of a fortune file's text.</summary>
    public static IEnumerable<string> ExtractSentences(string fortuneText, int minWords = 3, int maxWords = 15)
    {
        foreach (var record in RecordSeparator().Split(fortuneText))
        {
            var lines = record.Split('\n').Where(l => !Attribution().IsMatch(l));
            var joined = Whitespace().Replace(string.Join(' ', lines), " ").Trim();
            foreach (var raw in SentenceEnd().Split(joined))
            {
                var sentence = Clean(raw);
                if (sentence is null)
                {
                    continue;
                }
                var words = sentence.Split(' ').Count(w => w.Any(char.IsAsciiLetter));
                if (words >= minWords && words <= maxWords)
                {
                    yield return sentence;
                }
            }
        }
    }

    private static string? Clean(string sentence)
    {
        var trimmed = sentence.Trim().Trim('"', '\'', ' ', '(', ')');
        if (trimmed.Length == 0 || !Allowed().IsMatch(trimmed) || !char.IsAsciiLetter(trimmed[0]))
        {
            return null;
        }
        // Quotes and dashes only confuse engines' text analysis; the words are what matter.
        var text = trimmed.Replace("\"", "", StringComparison.Ordinal).Replace("--", ", ", StringComparison.Ordinal);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^%\s*$", RegexOptions.Multiline)]
    private static partial Regex RecordSeparator();

    [GeneratedRegex(@"^\s*--")]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[A-Za-z ,.;:!?'""-]+$")]
    private static partial Regex Allowed();
}
