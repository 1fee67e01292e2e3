using System.Text.RegularExpressions;
using AcousticDistill.Gateway.Tests.Cluster;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// What the runtime stages of docker/*.Dockerfile promise the chart: the program as ENTRYPOINT, the chart's non-root
/// user, an exposed HTTP port, the Orleans ports, and files kept where the chart mounts writable volumes. Read from the
/// files themselves; <see cref="ContainerImageTests"/> then runs them.
/// </summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("silo.Dockerfile", "AcousticDistill.Silo.dll")]
    [InlineData("gateway.Dockerfile", "AcousticDistill.Gateway.dll")]
    public void Dockerfile_RuntimeStage_RunsTheProgramAsTheChartsNonRootUserOnAnExposedPort(string file, string program)
    {
        var runtime = ImageLayoutsFixture.Read(file).Runtime;
        var values = ChartValues();

        Assert.Equal(["dotnet", program], runtime.Entrypoint);
        Assert.Equal("1654", runtime.User); // numeric, so runAsNonRoot can check it
        Assert.All(Regex.Matches(values, @"runAsUser: (\d+)").Select(m => m.Groups[1].Value), uid => Assert.Equal(runtime.User, uid));
        // Both components run with a read-only root (ContainerImageTests runs the images so).
        Assert.Equal(2, Regex.Matches(values, @"readOnlyRootFilesystem: true").Count);
        var port = new Uri(runtime.Environment["Urls"].Replace("+", "localhost", StringComparison.Ordinal)).Port;
        Assert.Contains(port, runtime.ExposedPorts);
    }

    [Fact]
    public void SiloDockerfile_ExposesTheOrleansPortsAndKeepsItsFilesWhereTheChartMountsVolumes()
    {
        var runtime = ImageLayoutsFixture.Read("silo.Dockerfile").Runtime;
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(LoopbackCluster.Repository, "Silo", "appsettings.json")))!["Silo"]!;
        var values = ChartValues();

        Assert.Contains((int)settings["SiloPort"]!, runtime.ExposedPorts);
        Assert.Contains((int)settings["GatewayPort"]!, runtime.ExposedPorts);
        // The chart mounts the model store and the work folder (emptyDir) at these paths; elsewhere the root is read-only.
        Assert.Contains($"mountPath: {runtime.Environment["ModelStore__Path"]}", values);
        Assert.Contains($"mountPath: {runtime.Environment["Compute__WorkDirectory"]}", values);
    }

    private static string ChartValues() => File.ReadAllText(Path.Combine(LoopbackCluster.Repository, "helm", "acoustic-distill", "values.yaml"));
}
