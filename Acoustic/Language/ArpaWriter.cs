using System.Globalization;
using System.Text;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Writes a <see cref="BackoffNgramModel"/> as ARPA text, the format pocketsphinx, Kaldi, SRILM, KenLM and
/// <see cref="Decoding.ArpaLanguageModel"/> read. The output is reproducible: n-grams in ordinal order of their
/// words, numbers rounded to 6 decimals in the invariant culture, <c>\n</c> line ends.
/// </summary>
public static class ArpaWriter
{
    /// <summary>Writes the model to <paramref name="path"/> (UTF-8 without a byte-order mark), creating its folder.</summary>
    public static void Save(BackoffNgramModel model, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(model, writer);
    }

    /// <summary>Writes the model as ARPA text; back-off weights appear on every n-gram below the highest order.</summary>
    public static void Write(BackoffNgramModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        writer.Write("\\data\\\n");
        for (var n = 1; n <= model.Order; n++)
        {
            writer.Write($"ngram {n}={model.Ngrams[n - 1].Count}\n");
        }
        for (var n = 1; n <= model.Order; n++)
        {
            writer.Write($"\n\\{n}-grams:\n");
            foreach (var (words, entry) in model.Ngrams[n - 1].OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                writer.Write(n < model.Order
                    ? $"{Number(entry.Log10Prob)} {words} {Number(entry.Log10Backoff)}\n"
                    : $"{Number(entry.Log10Prob)} {words}\n");
            }
        }
        writer.Write("\n\\end\\\n");
    }

    private static string Number(double log10)
    {
        var rounded = Math.Round(log10, 6);
        return (rounded == 0 ? 0 : rounded).ToString("0.######", CultureInfo.InvariantCulture);
    }
}
