namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>The Helm chart lints, renders with each CI values file and validates against the Kubernetes schemas (scripts/helm/check.sh).</summary>
public sealed class HelmChartTests
{
    [Fact]
    public async Task Chart_LintTemplateAndSchemaValidation_Pass()
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scripts/helm/check.sh"));
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"scripts/helm/check.sh failed:\n{await output}\n{await errors}");
        Assert.Contains("0 chart(s) failed", await output, StringComparison.Ordinal);
    }
}
