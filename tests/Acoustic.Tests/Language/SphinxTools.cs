using System.Diagnostics;

namespace AcousticDistill.Acoustic.Tests.Language;

/// <summary>Runs sphinxbase's command-line tools (Debian's <c>sphinxbase-utils</c>) for comparisons.</summary>
internal static class SphinxTools
{
    public static bool Exists(string tool) => File.Exists(Path.Combine("/usr/bin", tool));

    /// <summary>Runs the tool; its standard error (where sphinxbase logs) comes back; a non-zero exit fails the test.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine("/usr/bin", tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {stderr}");
        }
        return stdout.Result + stderr;
    }
}

/// <summary>A fact skipped, saying why, when a sphinxbase tool is not installed (scripts/install-deps.sh installs it).</summary>
public sealed class SphinxToolFactAttribute : FactAttribute
{
    public SphinxToolFactAttribute(string tool)
    {
        if (!SphinxTools.Exists(tool))
        {
            Skip = $"/usr/bin/{tool} is not installed (Debian package sphinxbase-utils, in scripts/apt-packages.txt); this comparison needs it.";
        }
    }
}
