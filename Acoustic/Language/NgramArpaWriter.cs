using System.Globalization;
using System.Text;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Writes a <see cref="NgramLanguageModel"/> as ARPA text (log10, 6 decimals, invariant culture, <c>\n</c> line ends),
/// n-grams in the trie's order: the exact ARPA of a model converted from another toolkit's binary, for tools that
/// read only ARPA.
/// </summary>
public static class NgramArpaWriter
{
    private static readonly double s_log10E = 1 / Math.Log(10);

    /// <summary>Writes the model to <paramref name="path"/> (UTF-8 without a byte-order mark).</summary>
    public static void Save(NgramLanguageModel model, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(model, writer);
    }

    /// <summary>Writes the model as ARPA text.</summary>
    public static void Write(NgramLanguageModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        writer.Write("\\data\\\n");
        for (var n = 1; n <= model.Order; n++)
        {
            writer.Write($"ngram {n}={model.Counts[n - 1]}\n");
        }
        var words = new string[model.Order];
        for (var n = 1; n <= model.Order; n++)
        {
            writer.Write($"\n\\{n}-grams:\n");
            for (var w = 0; w < model.Words.Count; w++)
            {
                words[0] = model.Words[w];
                WriteBelow(model, writer, 0, w, n, words);
            }
        }
        writer.Write("\n\\end\\\n");
    }

    // Writes the n-grams of order `n` under entry `index` of level `level`, whose words so far are words[0..level].
    private static void WriteBelow(NgramLanguageModel model, TextWriter writer, int level, int index, int n, string[] words)
    {
        var entries = model.Level(level);
        if (level == n - 1)
        {
            writer.Write(Number(entries.LogProb[index]));
            for (var i = 0; i < n; i++)
            {
                writer.Write(' ');
                writer.Write(words[i]);
            }
            if (n < model.Order)
            {
                writer.Write(' ');
                writer.Write(Number(entries.LogBackoff![index]));
            }
            writer.Write('\n');
            return;
        }
        var next = model.Level(level + 1);
        for (var child = entries.ChildStart![index]; child < entries.ChildStart[index + 1]; child++)
        {
            words[level + 1] = model.Words[next.Word![child]];
            WriteBelow(model, writer, level + 1, child, n, words);
        }
    }

    private static string Number(float ln)
    {
        var rounded = Math.Round(ln * s_log10E, 6);
        return (rounded == 0 ? 0 : rounded).ToString("0.######", CultureInfo.InvariantCulture);
    }
}
