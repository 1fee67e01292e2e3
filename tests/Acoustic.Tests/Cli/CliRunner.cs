using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>Runs the built <c>acoustic</c> tool as a child process, as a user would.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(TimeSpan.FromSeconds(60), args);

    public static (int ExitCode, string Stdout, string Stderr) Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "acoustic.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"acoustic {string.Join(' ', args)} did not finish within {timeout}.");
        }
        // Spectre.Console wraps error text at its guessed console width; undo that for matching.
        return (process.ExitCode, stdout.Result, Regex.Replace(stderr.Result, @"\s*\n\s*", " "));
    }
}
