using System.Text.RegularExpressions;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// Every verb's <c>--help</c> renders: option and command descriptions are Spectre.Console markup, so a stray bracket
/// in one (e.g. an interval "[a, b]") breaks that verb's help. Verbs are found by walking the help output itself, so a
/// new verb is covered without touching this test.
/// </summary>
public sealed partial class HelpTests
{
    [Fact]
    public void Help_OfEveryVerb_RendersAndSucceeds()
    {
        var verbs = new List<string>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            var (exitCode, text) = Help(path);
            var name = path.Length == 0 ? "acoustic" : $"acoustic {string.Join(' ', path)}";
            Assert.True(exitCode == 0, $"{name} --help exited with {exitCode}:\n{text}");
            Assert.Contains("USAGE:", text);
            Assert.DoesNotContain("error:", text);
            verbs.Add(name);
            foreach (var command in SubcommandsIn(text))
            {
                pending.Enqueue([.. path, command]);
            }
        }

        // The walk reached the leaves, the verb the bracket broke among them.
        Assert.Contains("acoustic train", verbs);
        Assert.Contains("acoustic ensemble train", verbs);
        Assert.True(verbs.Count > 20, $"only {verbs.Count} verbs found: {string.Join(", ", verbs)}");
    }

    [Fact]
    public void Help_OfTrain_ShowsTheVtlpIntervalWithItsBrackets()
    {
        var (exitCode, text) = Help(["train"]);

        Assert.True(exitCode == 0, text);
        Assert.Contains("[1 - MAX_WARP, 1 + MAX_WARP]", Regex.Replace(text, @"\s+", " "));
    }

    private static (int ExitCode, string Text) Help(string[] path)
    {
        var (exitCode, stdout, stderr) = CliRunner.Run([.. path, "--help"]);
        return (exitCode, stdout + stderr);
    }

    // Names listed under "COMMANDS:" (one per line, indented four spaces; wrapped descriptions are indented further).
    private static IEnumerable<string> SubcommandsIn(string help)
    {
        var section = help.IndexOf("COMMANDS:", StringComparison.Ordinal);
        if (section < 0)
        {
            yield break;
        }
        foreach (var line in help[section..].Split('\n').Skip(1))
        {
            if (CommandLine().Match(line) is { Success: true } match)
            {
                yield return match.Groups[1].Value;
            }
            else if (line.Trim().Length > 0 && !line.StartsWith("     ", StringComparison.Ordinal))
            {
                yield break;
            }
        }
    }

    [GeneratedRegex(@"^    ([a-z][a-z0-9-]*)(\s{2,}|\s*$)")]
    private static partial Regex CommandLine();
}
