namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The chart's NetworkPolicy admits the silos' Orleans ports only from the release's silo and Gateway pods. Renders
/// with the helm binary and js-yaml that scripts/helm/check.sh caches (it runs first when they are missing).
/// </summary>
public sealed class HelmChartNetworkPolicyTests
{
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

    private static Task<JsonArray> RenderAsync(params string[] args) => HelmRender.RenderAsync(args);
}
