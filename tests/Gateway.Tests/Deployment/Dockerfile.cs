using System.Text.RegularExpressions;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The instructions of a Dockerfile, by stage, as far as the image tests need them: read from the file itself, so the
/// tests run what the image would run instead of a copy of it that could drift. Handles line continuations, comments,
/// parser directives, <c>ARG</c> defaults and <c>$VAR</c>/<c>${VAR}</c> substitution from ARG and ENV.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerfileStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The last stage: the image.</summary>
    public DockerfileStage Runtime => Stages[^1];

    /// <summary>The stage named <paramref name="name"/>.</summary>
    public DockerfileStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"{Path} has no stage '{name}'.");

    /// <summary>Reads <paramref name="path"/>; <paramref name="baseImageEnvironment"/> stands for the ENV of the FROM images.</summary>
    public static Dockerfile Read(string path, IReadOnlyDictionary<string, string> baseImageEnvironment)
    {
        var globalArgs = new Dictionary<string, string>();
        var stages = new List<DockerfileStage>();
        DockerfileStage? stage = null;
        foreach (var (keyword, argument) in Instructions(File.ReadAllLines(path)))
        {
            if (keyword == "FROM")
            {
                var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : $"stage{stages.Count}";
                stage = new DockerfileStage(name, Substitute(words[0], globalArgs), new Dictionary<string, string>(baseImageEnvironment));
                stages.Add(stage);
                continue;
            }
            if (stage is null)
            {
                if (keyword != "ARG")
                {
                    throw new FormatException($"{path}: {keyword} before the first FROM.");
                }
                var (key, value) = Assignment(argument);
                globalArgs[key] = value;
                continue;
            }
            var expanded = keyword is "RUN" ? argument : Substitute(argument, stage.Variables);
            stage.Add(keyword, expanded);
        }
        return stages.Count > 0 ? new Dockerfile(path, stages) : throw new FormatException($"{path} has no FROM.");
    }

    /// <summary>Replaces <c>$NAME</c> and <c>${NAME}</c> with their values; an unknown name is an error (the build would get "").</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> variables) =>
        VariablePattern().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return variables.TryGetValue(name, out var value) ? value : throw new FormatException($"${name} is not defined by an ARG, an ENV or the base image.");
        });

    /// <summary>Splits <c>KEY=VALUE</c> (quotes removed) or an ARG's bare <c>KEY</c>.</summary>
    internal static (string Key, string Value) Assignment(string text)
    {
        var equals = text.IndexOf('=');
        return equals < 0 ? (text.Trim(), "") : (text[..equals].Trim(), text[(equals + 1)..].Trim().Trim('"'));
    }

    private static IEnumerable<(string Keyword, string Argument)> Instructions(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.TrimStart();
            if (line.StartsWith('#'))
            {
                continue; // a comment, a parser directive (# syntax=...), or a comment inside a continued instruction
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }
            var space = whole.IndexOf(' ');
            yield return space < 0 ? (whole.ToUpperInvariant(), "") : (whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim());
        }
    }

    [GeneratedRegex(@"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariablePattern();
}
