using System.Text.RegularExpressions;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The <c>.dockerignore</c> of a build context: paths (relative, '/'-separated) that are not sent to the build.
/// Supports the patterns the repository uses: <c>*</c>, <c>?</c>, <c>**</c> and leading-<c>!</c> exceptions, the last
/// matching line winning, as Docker does; a pattern that matches a folder excludes everything under it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules = [];

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="context"/> (none: nothing is ignored).</summary>
    public static DockerIgnore Read(string context)
    {
        var ignore = new DockerIgnore();
        var path = Path.Combine(context, ".dockerignore");
        if (!File.Exists(path))
        {
            return ignore;
        }
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var include = line.StartsWith('!');
            ignore._rules.Add((ToRegex(line.TrimStart('!').Trim('/')), include));
        }
        return ignore;
    }

    /// <summary>Whether <paramref name="relativePath"/> (or a folder above it) is left out of the context.</summary>
    public bool Excludes(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var excluded = false;
        foreach (var (pattern, include) in _rules)
        {
            if (pattern.IsMatch(path))
            {
                excluded = !include;
            }
        }
        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }
        return new Regex(regex.Append("(?:/.*)?$").ToString(), RegexOptions.CultureInvariant);
    }
}
