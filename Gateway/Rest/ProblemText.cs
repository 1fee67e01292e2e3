using System.Text.RegularExpressions;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// Makes an exception's message fit for a client: its first line, at most <see cref="MaxLength"/> characters, with file
/// paths blanked. Messages from the silo's parsers can name server paths or carry internals a client has no use for.
/// </summary>
public static partial class ProblemText
{
    /// <summary>Longest detail sent.</summary>
    public const int MaxLength = 200;

    /// <summary>The short, path-free form of <paramref name="message"/>.</summary>
    public static string Short(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        line = FilePath().Replace(line, "(path)");
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }

    // Absolute Unix paths with at least two parts, and Windows drive paths.
    [GeneratedRegex(@"(?:[A-Za-z]:\\[^\s'""]+|(?<![\w.])/[\w.\-]+(?:/[\w.\-]+)+)")]
    private static partial Regex FilePath();
}
