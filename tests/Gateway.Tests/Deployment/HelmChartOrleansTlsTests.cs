namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The chart gives every silo and Gateway pod the Orleans TLS Secret and the <c>Orleans__Tls__*</c> settings that point
/// at it; switching TLS off says so to the programs (<c>Orleans__Tls__Required=false</c>), which then warn.
/// </summary>
public sealed class HelmChartOrleansTlsTests
{
    [Fact]
    public async Task Default_SilosAndGatewaysMountTheSecretAndPointAtIt()
    {
        var deployments = Deployments(await HelmRender.RenderAsync("--set", "orleans.tls.existingSecret=cluster-mtls"));

        Assert.Equal(["gateway", "silo"], deployments.Keys.Order());
        foreach (var pod in deployments.Values)
        {
            var volume = Assert.Single(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == "orleans-tls")!;
            Assert.Equal("cluster-mtls", (string?)volume["secret"]!["secretName"]);
            var container = pod["containers"]![0]!;
            var mount = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == "orleans-tls")!;
            Assert.Equal("/etc/acoustic-distill/orleans-tls", (string?)mount["mountPath"]);
            var env = Env(container);
            Assert.Equal("/etc/acoustic-distill/orleans-tls/tls.crt", env["Orleans__Tls__CertificatePath"]);
            Assert.Equal("/etc/acoustic-distill/orleans-tls/tls.key", env["Orleans__Tls__KeyPath"]);
            Assert.Equal("/etc/acoustic-distill/orleans-tls/ca.crt", env["Orleans__Tls__CaCertificatePath"]);
            Assert.False(env.ContainsKey("Orleans__Tls__Required"));
        }
    }

    [Fact]
    public async Task Disabled_NoSecretAndExplicitOptOut()
    {
        var deployments = Deployments(await HelmRender.RenderAsync("--set", "orleans.tls.enabled=false"));

        foreach (var pod in deployments.Values)
        {
            Assert.DoesNotContain(pod["volumes"]?.AsArray() ?? [], v => (string?)v!["name"] == "orleans-tls");
            var env = Env(pod["containers"]![0]!);
            Assert.Equal("false", env["Orleans__Tls__Required"]);
            Assert.DoesNotContain(env.Keys, key => key.StartsWith("Orleans__Tls__Cert", StringComparison.Ordinal));
        }
    }

    /// <summary>Pod specs of the Deployments, by component.</summary>
    private static Dictionary<string, JsonNode> Deployments(JsonArray documents) =>
        documents.Where(d => (string?)d!["kind"] == "Deployment").ToDictionary(
            d => (string)d!["metadata"]!["labels"]!["app.kubernetes.io/component"]!,
            d => d!["spec"]!["template"]!["spec"]!);

    private static Dictionary<string, string?> Env(JsonNode container) =>
        container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]);
}
