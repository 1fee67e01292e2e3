using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Tests.Cluster;

namespace AcousticDistill.Gateway.Tests.Hosting;

/// <summary>The Gateway alone is a thin Orleans client: no compute stack, and no embedded mode of its own.</summary>
public sealed class GatewayHostingTests
{
    [Fact]
    public void GatewayAssembly_ReferencesNoComputeStack()
    {
        var references = typeof(GatewayApplication).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("AcousticDistill.Grains.Interfaces", references);
        Assert.DoesNotContain(references, name => name is "AcousticDistill.Acoustic" or "AcousticDistill.Grains" or "AcousticDistill.Silo"
            || name.StartsWith("TorchSharp", StringComparison.Ordinal) || name.StartsWith("NAudio", StringComparison.Ordinal));
    }

    [Fact]
    public void GatewayProgram_DependsOnNeitherTorchSharpNorTheGrains()
    {
        var deps = Path.Combine(LoopbackCluster.Repository, "Gateway", "bin", LoopbackCluster.Configuration, "net10.0", "AcousticDistill.Gateway.deps.json");

        var text = File.ReadAllText(deps);

        Assert.Contains("AcousticDistill.Grains.Interfaces", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "TorchSharp", "libtorch", "NAudio", "\"AcousticDistill.Acoustic/", "\"AcousticDistill.Grains/", "\"AcousticDistill.Silo/" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Gateway_EmbeddedCluster_RefusedWithTheEmbeddedHostNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(["--Gateway:Cluster=embedded"]));

        Assert.Contains("Embedded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_UnknownCluster_RefusedNamingTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(["--Gateway:Cluster=zookeeper"]));

        Assert.Contains("localhost (default) or redis", error.Message, StringComparison.Ordinal);
    }
}
