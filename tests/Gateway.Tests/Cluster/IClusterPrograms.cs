namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>
/// How a <see cref="LoopbackCluster"/> starts its Silo and Gateway processes: from the solution's build output
/// (<see cref="BuildOutputPrograms"/>) or as the container images would run them (Deployment/ImagePrograms). The
/// cluster passes the arguments every process needs (ports, Redis, cluster id, logging); the programs add where the
/// silo keeps its files, and anything else their way of running needs.
/// </summary>
public interface IClusterPrograms
{
    /// <summary>Starts a silo of <paramref name="cluster"/> with <paramref name="arguments"/>, its output in <paramref name="logPath"/>.</summary>
    ChildProcess StartSilo(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath);

    /// <summary>Starts the Gateway of <paramref name="cluster"/> with <paramref name="arguments"/>, its output in <paramref name="logPath"/>.</summary>
    ChildProcess StartGateway(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath);
}
