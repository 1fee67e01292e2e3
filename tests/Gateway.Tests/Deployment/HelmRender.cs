namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// Renders the chart with the helm binary and js-yaml that scripts/helm/check.sh caches (it runs first when they are
/// missing), for tests that check what the templates produce.
/// </summary>
internal static class HelmRender
{
    private static readonly string s_root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    /// <summary>Every document `helm template` renders with the default values and <paramref name="args"/>, as JSON.</summary>
    public static async Task<JsonArray> RenderAsync(params string[] args)
    {
        var cache = Environment.GetEnvironmentVariable("ACOUSTIC_HELM_CACHE") is { Length: > 0 } c ? c
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "acoustic-distill-helm");
        var helm = Path.Combine(cache, "helm", "helm");
        var modules = Path.Combine(cache, "node", "node_modules");
        if (!File.Exists(helm) || !Directory.Exists(Path.Combine(modules, "js-yaml")))
        {
            await RunAsync("bash", [Path.Combine(s_root, "scripts/helm/check.sh")]);
        }
        var yaml = await RunAsync(helm, ["template", "acoustic", Path.Combine(s_root, "helm/acoustic-distill"), "--namespace", "speech", .. args]);
        var toJson = "const y=require(process.argv[1]);let s='';process.stdin.on('data',d=>s+=d).on('end',()=>" +
                     "console.log(JSON.stringify(y.loadAll(s).filter(d=>d))))";
        var json = await RunAsync("node", ["-e", toJson, Path.Combine(modules, "js-yaml")], yaml);
        return JsonNode.Parse(json)!.AsArray();
    }

    private static async Task<string> RunAsync(string file, string[] args, string? input = null)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed:\n{await errors}");
        return await output;
    }
}
