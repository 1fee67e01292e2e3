namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The chart's NetworkPolicy admits the silos' Orleans ports only from the release's silo and Gateway pods. Renders
/// with the helm binary and js-yaml that scripts/helm/check.sh caches (it runs first when they are missing).
/// </summary>
public sealed class HelmChartNetworkPolicyTests
{
    private static readonly string s_root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    [Fact]
    public async Task NetworkPolicy_Default_AdmitsOrleansPortsOnlyFromSilosAndGateways()
    {
        var policy = Assert.Single(await RenderAsync(), d => (string?)d!["kind"] == "NetworkPolicy")!;

        Assert.Equal(Selector("silo"), Labels(policy["spec"]!["podSelector"]!));
        Assert.Equal(["Ingress"], policy["spec"]!["policyTypes"]!.AsArray().Select(t => (string)t!));
        var rules = policy["spec"]!["ingress"]!.AsArray();
        var orleans = rules[0]!;
        Assert.Equal([11111, 30000], orleans["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal([Selector("silo"), Selector("gateway")], orleans["from"]!.AsArray().Select(f => Labels(f!["podSelector"]!)));
        var http = rules[1]!;
        Assert.Equal([8080], http["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.DoesNotContain(rules, r => r!["ports"]!.AsArray().Any(p => (int)p!["port"]! is 11111 or 30000) && r["from"] is null);
    }

    [Fact]
    public async Task NetworkPolicy_CustomPortsAndHttpSources_FollowValues()
    {
        var documents = await RenderAsync("--set", "silo.ports.silo=12000", "--set", "silo.ports.gateway=31000",
            "--set", "networkPolicy.httpFrom[0].namespaceSelector.matchLabels.team=monitoring");
        var rules = Assert.Single(documents, d => (string?)d!["kind"] == "NetworkPolicy")!["spec"]!["ingress"]!.AsArray();

        Assert.Equal([12000, 31000], rules[0]!["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal("monitoring", (string?)rules[1]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["team"]);
    }

    [Fact]
    public async Task NetworkPolicy_Disabled_IsNotRendered()
    {
        Assert.DoesNotContain(await RenderAsync("--set", "networkPolicy.enabled=false"), d => (string?)d!["kind"] == "NetworkPolicy");
    }

    private static Dictionary<string, string> Selector(string component) => new()
    {
        ["app.kubernetes.io/name"] = "acoustic-distill",
        ["app.kubernetes.io/instance"] = "acoustic",
        ["app.kubernetes.io/component"] = component,
    };

    private static Dictionary<string, string> Labels(JsonNode selector) =>
        selector["matchLabels"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);

    /// <summary>Every document `helm template` renders with the default values and <paramref name="args"/>, as JSON.</summary>
    private static async Task<JsonArray> RenderAsync(params string[] args)
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
