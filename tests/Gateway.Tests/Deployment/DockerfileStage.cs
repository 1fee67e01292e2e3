using System.Text.Json;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>One <c>FROM</c> stage of a <see cref="Dockerfile"/>: what it copies, runs and sets.</summary>
public sealed class DockerfileStage
{
    private readonly Dictionary<string, string> _variables;
    private readonly Dictionary<string, string> _environment = [];

    internal DockerfileStage(string name, string baseImage, Dictionary<string, string> baseImageEnvironment)
    {
        Name = name;
        BaseImage = baseImage;
        _variables = baseImageEnvironment;
    }

    /// <summary>The stage name (<c>AS</c>), or <c>stageN</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>FROM</c> image.</summary>
    public string BaseImage { get; }

    /// <summary>ARG and ENV values visible at the current point (base image ENV included), for substitution.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>The ENV this stage sets (not the base image's).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The last <c>WORKDIR</c> ("/" when none).</summary>
    public string WorkingDirectory { get; private set; } = "/";

    /// <summary>The last <c>USER</c>, substituted (null when none).</summary>
    public string? User { get; private set; }

    /// <summary>The exec-form <c>ENTRYPOINT</c>.</summary>
    public IReadOnlyList<string> Entrypoint { get; private set; } = [];

    /// <summary>Every <c>EXPOSE</c>d TCP port.</summary>
    public List<int> ExposedPorts { get; } = [];

    /// <summary>The <c>COPY</c> instructions, in order.</summary>
    public List<DockerfileCopy> Copies { get; } = [];

    /// <summary>The <c>RUN</c> commands (shell form), in order, each with the working directory it runs in.</summary>
    public List<(string WorkingDirectory, string Command)> Runs { get; } = [];

    internal void Add(string keyword, string argument)
    {
        switch (keyword)
        {
            case "ARG":
                var (arg, value) = Dockerfile.Assignment(argument);
                _variables.TryAdd(arg, value);
                break;
            case "ENV":
                foreach (var pair in argument.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!pair.Contains('='))
                    {
                        throw new FormatException($"ENV {argument}: only the KEY=VALUE form is supported.");
                    }
                    var (key, text) = Dockerfile.Assignment(pair);
                    _environment[key] = text;
                    _variables[key] = text;
                }
                break;
            case "WORKDIR":
                WorkingDirectory = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(argument, WorkingDirectory));
                break;
            case "USER":
                User = argument;
                break;
            case "ENTRYPOINT":
                Entrypoint = argument.StartsWith('[')
                    ? JsonSerializer.Deserialize<string[]>(argument)!
                    : throw new FormatException($"ENTRYPOINT {argument}: only the exec (JSON array) form runs as PID 1 and gets SIGTERM.");
                break;
            case "EXPOSE":
                ExposedPorts.AddRange(argument.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Replace("/tcp", ""))));
                break;
            case "COPY":
                Copies.Add(DockerfileCopy.Parse(argument, WorkingDirectory));
                break;
            case "RUN":
                Runs.Add((WorkingDirectory, argument));
                break;
        }
    }
}

/// <summary>A <c>COPY</c>: sources (in the build context, or in stage <see cref="From"/>) to a destination.</summary>
public sealed record DockerfileCopy(string? From, IReadOnlyList<string> Sources, string Destination)
{
    internal static DockerfileCopy Parse(string argument, string workingDirectory)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? from = null;
        while (words[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (words[0].StartsWith("--from=", StringComparison.Ordinal))
            {
                from = words[0]["--from=".Length..];
            }
            words.RemoveAt(0);
        }
        // A destination ending in '/' is a folder: keep the slash, which GetFullPath keeps too.
        var destination = System.IO.Path.GetFullPath(words[^1], workingDirectory);
        return new DockerfileCopy(from, words[..^1], destination);
    }
}
