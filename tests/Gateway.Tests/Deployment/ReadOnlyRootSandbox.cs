using AcousticDistill.Gateway.Tests.Cluster;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// Runs an <see cref="ImageLayout"/> the way the chart runs the image, without a container engine: bubblewrap builds a
/// root filesystem of this machine's Debian system (/usr, /etc: standing for the base image) plus the layout's files,
/// with only the given volumes writable and the root remounted read-only (Kubernetes' readOnlyRootFilesystem);
/// setpriv then becomes the Dockerfile's USER with no capabilities and no_new_privs (the chart's securityContext:
/// runAsUser, drop ALL, allowPrivilegeEscalation false) and execs the ENTRYPOINT with the Dockerfile's ENV.
/// The network is the host's, so the processes reach each other and Redis on loopback.
/// </summary>
public static class ReadOnlyRootSandbox
{
    /// <summary>
    /// The ENV of the Microsoft .NET runtime images (mcr.microsoft.com/dotnet/aspnet:10.0) that the Dockerfiles rely on,
    /// and HOME, which the engine sets from the image's passwd entry for the <c>app</c> user.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BaseImageEnvironment = new Dictionary<string, string>
    {
        ["APP_UID"] = "1654",
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["HOME"] = "/home/app",
    };

    /// <summary>Why the sandbox cannot run here, or null when it can.</summary>
    public static string? Unavailable =>
        geteuid() != 0
            ? "running as the Dockerfile's USER needs root (setpriv), and these tests do not run as root"
            : !OnPath("bwrap") ? "bwrap (Debian package bubblewrap, scripts/apt-packages.txt) is not installed"
            : !OnPath("setpriv") ? "setpriv (util-linux) is not installed"
            : null;

    /// <summary>
    /// Starts <paramref name="layout"/>'s ENTRYPOINT with <paramref name="arguments"/> appended; <paramref name="environment"/>
    /// is added to the Dockerfile's ENV (as the chart's env does); <paramref name="volumes"/> are mounted, writable ones
    /// owned by the Dockerfile's USER (the chart's fsGroup does the same for its volumes).
    /// </summary>
    public static ChildProcess Start(ImageLayout layout, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        IEnumerable<SandboxVolume> volumes, string logPath)
    {
        var runtime = layout.Dockerfile.Runtime;
        var user = runtime.User ?? throw new InvalidOperationException($"{layout.Dockerfile.Path} sets no USER: the image would run as root.");
        var ids = user.Split(':');
        var uid = int.TryParse(ids[0], out var u) ? u : throw new FormatException($"USER {user}: use a numeric id (Kubernetes' runAsNonRoot can only check those).");
        var gid = ids.Length > 1 ? int.Parse(ids[1]) : uid;

        // A PID namespace of its own: setpriv's change of user clears the parent-death signal that --die-with-parent
        // sets, so the program would outlive a killed bwrap; the namespace's init keeps it, and takes the program with it.
        List<string> bwrap = ["--die-with-parent", "--unshare-pid", "--unshare-ipc", "--proc", "/proc", "--dev", "/dev", "--ro-bind", "/sys", "/sys",
            "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--perms", "0755", "--dir", "/tmp", "--perms", "0755", "--dir", "/home/app"];
        var folders = new HashSet<string>(["/", "/usr", "/etc", "/tmp", "/home/app"]);
        foreach (var top in new[] { "bin", "sbin", "lib", "lib64" })
        {
            var info = new FileInfo("/" + top);
            if (info.LinkTarget is { } target)
            {
                bwrap.AddRange(["--symlink", target, "/" + top]);
            }
            else if (Directory.Exists("/" + top))
            {
                bwrap.AddRange(["--ro-bind", "/" + top, "/" + top]);
            }
        }
        foreach (var (host, container) in layout.Files)
        {
            AddParentFolders(bwrap, folders, container);
            bwrap.AddRange(["--ro-bind", host, container]);
        }
        foreach (var volume in volumes)
        {
            if (volume.Writable)
            {
                Directory.CreateDirectory(volume.Host);
                RunChecked("chown", ["-R", $"{uid}:{gid}", volume.Host]);
            }
            AddParentFolders(bwrap, folders, volume.Container);
            bwrap.AddRange([volume.Writable ? "--bind" : "--ro-bind", volume.Host, volume.Container]);
        }
        bwrap.AddRange(["--remount-ro", "/", "--chdir", runtime.WorkingDirectory, "--clearenv"]);
        var env = new Dictionary<string, string>(BaseImageEnvironment);
        foreach (var (key, value) in runtime.Environment.Concat(environment))
        {
            env[key] = value;
        }
        foreach (var (key, value) in env)
        {
            bwrap.AddRange(["--setenv", key, value]);
        }
        bwrap.AddRange(["--", "setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]);
        bwrap.AddRange(runtime.Entrypoint.Count > 0 ? runtime.Entrypoint : throw new InvalidOperationException($"{layout.Dockerfile.Path} has no ENTRYPOINT."));
        bwrap.AddRange(arguments);
        return ChildProcess.Start("bwrap", bwrap, logPath);
    }

    /// <summary>
    /// Creates the folders above a mount point, world-readable as in an image (bwrap would make them 0700, root's, and
    /// the USER could not reach the mount). Folders inside bound trees (/usr, /etc) exist already.
    /// </summary>
    private static void AddParentFolders(List<string> bwrap, HashSet<string> folders, string mountPoint)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(mountPoint));
        if (parent is null || folders.Contains(parent) || parent.StartsWith("/usr/", StringComparison.Ordinal) || parent.StartsWith("/etc/", StringComparison.Ordinal))
        {
            return;
        }
        AddParentFolders(bwrap, folders, parent);
        bwrap.AddRange(["--perms", "0755", "--dir", parent]);
        folders.Add(parent);
    }

    private static void RunChecked(string program, IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}

/// <summary>A host folder or file mounted in the sandbox at <see cref="Container"/>.</summary>
public sealed record SandboxVolume(string Host, string Container, bool Writable);
