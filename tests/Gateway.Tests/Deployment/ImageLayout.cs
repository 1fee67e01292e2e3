namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The files of the image a Dockerfile describes, made without a container engine: the build stage's <c>COPY</c>s are
/// copied from the repository (honouring <c>.dockerignore</c>) into a scratch folder standing for that stage's
/// filesystem, its <c>RUN dotnet ...</c> commands run there as written, and the runtime stage's <c>COPY --from</c>s
/// become read-only mounts for <see cref="ReadOnlyRootSandbox"/>. A file the Dockerfile forgets to copy, or a
/// publish that needs one, fails here as it would in <c>docker build</c>.
/// </summary>
public sealed class ImageLayout
{
    private ImageLayout(Dockerfile dockerfile, IReadOnlyList<(string Host, string Container)> files)
    {
        Dockerfile = dockerfile;
        Files = files;
    }

    /// <summary>The Dockerfile.</summary>
    public Dockerfile Dockerfile { get; }

    /// <summary>What the runtime stage copies in: host path, path in the image.</summary>
    public IReadOnlyList<(string Host, string Container)> Files { get; }

    /// <summary>The host folder holding the runtime stage's working directory (the published program).</summary>
    public string AppDirectory => Files.Single(f => f.Container.TrimEnd('/') == Dockerfile.Runtime.WorkingDirectory.TrimEnd('/')).Host;

    /// <summary>
    /// The files the runtime stage copies from stages that install Debian packages (the lexicon), which are taken from
    /// this machine (scripts/install-deps.sh installs the same packages), and are missing here.
    /// </summary>
    public static IEnumerable<string> MissingHostFiles(Dockerfile dockerfile) =>
        dockerfile.Runtime.Copies.Where(c => c.From is { } from && !IsBuildStage(dockerfile.Stage(from)))
            .SelectMany(c => c.Sources).Where(s => !File.Exists(s) && !Directory.Exists(s));

    /// <summary>Builds the layout of <paramref name="dockerfile"/> from <paramref name="context"/> under <paramref name="scratch"/>.</summary>
    public static async Task<ImageLayout> BuildAsync(Dockerfile dockerfile, string context, string scratch, TimeSpan timeout)
    {
        var ignore = DockerIgnore.Read(context);
        var files = new List<(string, string)>();
        foreach (var copy in dockerfile.Runtime.Copies)
        {
            if (copy.From is null)
            {
                throw new NotSupportedException($"{dockerfile.Path}: the runtime stage copies from the build context; only COPY --from is emulated.");
            }
            var stage = dockerfile.Stage(copy.From);
            foreach (var source in copy.Sources)
            {
                if (IsBuildStage(stage))
                {
                    var root = Path.Combine(scratch, stage.Name);
                    if (!Directory.Exists(root))
                    {
                        await RunBuildStageAsync(stage, context, ignore, root, timeout);
                    }
                    files.Add((Inside(root, source), copy.Destination));
                }
                else
                {
                    // A stage that installs Debian packages (the lexicon): scripts/install-deps.sh installs the same
                    // package here, so the file is taken from this machine.
                    files.Add((File.Exists(source) || Directory.Exists(source)
                        ? source
                        : throw new FileNotFoundException($"{dockerfile.Path}: {source} (from stage '{stage.Name}') is not on this machine; run scripts/install-deps.sh."),
                        copy.Destination));
                }
            }
        }
        return new ImageLayout(dockerfile, files);
    }

    private static async Task RunBuildStageAsync(DockerfileStage stage, string context, DockerIgnore ignore, string root, TimeSpan timeout)
    {
        foreach (var copy in stage.Copies)
        {
            if (copy.From is not null)
            {
                throw new NotSupportedException($"stage '{stage.Name}': COPY --from={copy.From} in a build stage is not emulated.");
            }
            foreach (var source in copy.Sources)
            {
                CopyFromContext(context, source, Inside(root, copy.Destination), copy.Sources.Count > 1 || copy.Destination.EndsWith('/'), ignore);
            }
        }
        foreach (var (workingDirectory, command) in stage.Runs)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words[0] != "dotnet")
            {
                throw new NotSupportedException($"stage '{stage.Name}': RUN {command} is not emulated (only dotnet commands are).");
            }
            for (var i = 1; i < words.Count - 1; i++)
            {
                if (words[i] is "-o" or "--output")
                {
                    words[i + 1] = Inside(root, words[i + 1]);
                }
            }
            var start = new ProcessStartInfo("dotnet", words.Skip(1))
            {
                WorkingDirectory = Inside(root, workingDirectory),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"RUN {command} took longer than {timeout}.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"RUN {command} failed ({process.ExitCode}):\n{await output}\n{await errors}");
            }
        }
    }

    private static void CopyFromContext(string context, string source, string destination, bool intoFolder, DockerIgnore ignore)
    {
        var from = Path.Combine(context, source);
        if (Directory.Exists(from))
        {
            // Docker copies a folder's contents, not the folder itself.
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(context, file);
                if (!ignore.Excludes(relative))
                {
                    var target = Path.Combine(destination, Path.GetRelativePath(from, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target, overwrite: true);
                }
            }
            return;
        }
        if (!File.Exists(from) || ignore.Excludes(source))
        {
            throw new FileNotFoundException($"COPY {source}: not in the build context (missing, or left out by .dockerignore).");
        }
        var path = intoFolder ? Path.Combine(destination, Path.GetFileName(source)) : destination;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(from, path, overwrite: true);
    }

    private static bool IsBuildStage(DockerfileStage stage) => stage.Runs.Any(r => r.Command.StartsWith("dotnet ", StringComparison.Ordinal));

    /// <summary>The host path standing for <paramref name="path"/> (absolute, in the stage) under <paramref name="root"/>.</summary>
    private static string Inside(string root, string path) => Path.Combine(root, path.TrimStart('/'));
}
