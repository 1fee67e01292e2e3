namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The chart sets the Gateway's Security settings from values: the per-client limit (on by default, as in the
/// program), stream keys from their Secret, allowed hosts and origins; silos get none of them.
/// </summary>
public sealed class HelmChartGatewaySecurityTests
{
    [Fact]
    public async Task Default_PerClientLimitOn_NoStreamKeysHostsOrOrigins()
    {
        var (gateway, silo) = Env(await HelmRender.RenderAsync("--set", "orleans.tls.existingSecret=cluster-mtls"));

        Assert.Equal("16", gateway["Security__MaxStreamsPerClient"]);
        Assert.DoesNotContain(gateway.Keys, k => k.StartsWith("Security__StreamApiKeys", StringComparison.Ordinal)
            || k.StartsWith("Security__AllowedHosts", StringComparison.Ordinal) || k.StartsWith("Security__AllowedOrigins", StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Keys, k => k == "Security__MaxStreamsPerClient");
    }

    [Fact]
    public async Task Values_BecomeTheGatewaysSettings()
    {
        var (gateway, _) = Env(await HelmRender.RenderAsync("--set", "orleans.tls.existingSecret=cluster-mtls",
            "--set", "security.streamApiKeys.existingSecret=stream-keys", "--set", "security.streamApiKeys.keys={old,new}",
            "--set", "security.maxStreamsPerClient=4", "--set", "security.allowedHosts={asr.example.com}",
            "--set", "security.allowedOrigins={https://ops.example.com}"));

        Assert.Equal("4", gateway["Security__MaxStreamsPerClient"]);
        Assert.Equal("asr.example.com", gateway["Security__AllowedHosts__0"]);
        Assert.Equal("https://ops.example.com", gateway["Security__AllowedOrigins__0"]);
        Assert.Contains("Security__StreamApiKeys__0", gateway.Keys);
        Assert.Contains("Security__StreamApiKeys__1", gateway.Keys);
        Assert.Null(gateway["Security__StreamApiKeys__1"]); // from the Secret, not written into the manifest
    }

    // Environment variables of the Gateway's and the silo's container (a value from a Secret reads as null).
    private static (Dictionary<string, string?> Gateway, Dictionary<string, string?> Silo) Env(JsonArray documents)
    {
        var pods = documents.Where(d => (string?)d!["kind"] == "Deployment").ToDictionary(
            d => (string)d!["metadata"]!["labels"]!["app.kubernetes.io/component"]!,
            d => d!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
                .ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]));
        return (pods["gateway"], pods["silo"]);
    }
}
