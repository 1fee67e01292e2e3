namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>What Linux says about a running process (/proc): its descendants, credentials and mounts.</summary>
public static class ProcessInspection
{
    /// <summary>The process under <paramref name="ancestor"/> whose command line starts with <paramref name="command"/>.</summary>
    public static int Descendant(int ancestor, IReadOnlyList<string> command)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != ancestor && IsUnder(pid, ancestor)
                && Read(pid, "cmdline").Split('\0').Take(command.Count).SequenceEqual(command))
            {
                return pid;
            }
        }
        throw new InvalidOperationException($"no process under {ancestor} runs '{string.Join(' ', command)}'.");
    }

    /// <summary>A field of /proc/PID/status (Uid, Gid, CapEff, NoNewPrivs, ...): its first value.</summary>
    public static string Status(int pid, string field) =>
        Read(pid, "status").Split('\n').Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..]
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    /// <summary>Whether the mount at <paramref name="mountPoint"/>, as the process sees it, is read-only.</summary>
    public static bool ReadOnlyMount(int pid, string mountPoint)
    {
        // mountinfo: ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS ...; the last line for a mount point is the one in effect.
        var line = Read(pid, "mountinfo").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Last(f => f[4] == mountPoint.TrimEnd('/') || (mountPoint == "/" && f[4] == "/"));
        return line[5].Split(',').Contains("ro");
    }

    private static bool IsUnder(int pid, int ancestor)
    {
        for (var current = pid; current > 1;)
        {
            var stat = Read(current, "stat");
            if (stat.Length == 0)
            {
                return false;
            }
            // stat: PID (COMM) STATE PPID ...; COMM may hold spaces and parentheses, so read after the last ')'.
            current = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            if (current == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ""; // the process ended meanwhile
        }
    }
}
