namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>A small synthetic corpus and a two-member ensemble for re-distillation jobs, made once per machine with the CLI.</summary>
public static class DistillationData
{
    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "acoustic-cluster-test-data-v1");

    /// <summary>Corpus and ensemble folders.</summary>
    public sealed record Folders(string Corpus, string Ensemble);

    /// <summary>Builds them when missing.</summary>
    public static async Task<Folders> EnsureAsync()
    {
        var folders = new Folders(Path.Combine(s_root, "corpus"), Path.Combine(s_root, "ensemble"));
        if (!File.Exists(Path.Combine(folders.Corpus, "manifest.json")))
        {
            await RunAsync("corpus", "synth", "--out", folders.Corpus, "--minutes", "1", "--seed", "3");
        }
        if (!File.Exists(Path.Combine(folders.Ensemble, "ensemble.json")))
        {
            await RunAsync("ensemble", "train", "--corpus", folders.Corpus, "--members", "2", "--layers", "1", "--width", "128",
                "--epochs", "2", "--out", folders.Ensemble);
        }
        return folders;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(LoopbackCluster.Repository, "Cli", "bin", LoopbackCluster.Configuration, "net10.0", "acoustic.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing; build the solution first.");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"acoustic {string.Join(' ', arguments)} failed: {await errors}");
    }
}
