namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>The Silo and Gateway from the solution's build output (bin/CONFIGURATION/net10.0), run with <c>dotnet</c>.</summary>
public sealed class BuildOutputPrograms : IClusterPrograms
{
    /// <inheritdoc />
    public ChildProcess StartSilo(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath) =>
        ChildProcess.Start("dotnet",
        [
            Program("Silo", "AcousticDistill.Silo.dll"),
            $"--ModelStore:Path={cluster.ModelStore}", $"--Compute:WorkDirectory={cluster.WorkDirectory}",
            $"--Models:DefaultDirectory={Path.Combine(LoopbackCluster.Repository, "models")}",
            .. arguments,
        ], logPath);

    /// <inheritdoc />
    public ChildProcess StartGateway(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath) =>
        ChildProcess.Start("dotnet", [Program("Gateway", "AcousticDistill.Gateway.dll"), .. arguments], logPath);

    private static string Program(string project, string dll)
    {
        var path = Path.Combine(LoopbackCluster.Repository, project, "bin", LoopbackCluster.Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build the solution first.");
    }
}
