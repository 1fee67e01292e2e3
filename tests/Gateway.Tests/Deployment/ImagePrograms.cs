using AcousticDistill.Gateway.Tests.Cluster;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The Silo and Gateway of a <see cref="LoopbackCluster"/> as their images run them: the published layouts in
/// <see cref="ReadOnlyRootSandbox"/>, with the cluster's model store and work folder mounted writable where the silo
/// image's ENV puts them (the chart mounts its volumes there), and <paramref name="siloVolumes"/> (read-only files the
/// chart would mount with extraVolumes). <paramref name="environment"/> is added to both programs' ENV, as the chart's
/// env is (certificates, say).
/// </summary>
public sealed class ImagePrograms(ImageLayout silo, ImageLayout gateway, IReadOnlyList<SandboxVolume> siloVolumes,
    IReadOnlyDictionary<string, string> environment) : IClusterPrograms
{
    /// <inheritdoc />
    public ChildProcess StartSilo(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath)
    {
        var env = silo.Dockerfile.Runtime.Environment;
        return ReadOnlyRootSandbox.Start(silo, arguments, environment,
        [
            new SandboxVolume(cluster.ModelStore, Required(env, "ModelStore__Path"), Writable: true),
            new SandboxVolume(cluster.WorkDirectory, Required(env, "Compute__WorkDirectory"), Writable: true),
            Certificates(cluster),
            .. siloVolumes,
        ], logPath);
    }

    /// <inheritdoc />
    public ChildProcess StartGateway(LoopbackCluster cluster, IReadOnlyList<string> arguments, string logPath) =>
        ReadOnlyRootSandbox.Start(gateway, arguments, environment, [Certificates(cluster)], logPath);

    // The cluster's TLS certificates, read-only where the arguments name them, as the chart mounts its TLS Secret.
    private static SandboxVolume Certificates(LoopbackCluster cluster) =>
        new(cluster.Authority.Folder, cluster.Authority.Folder, Writable: false);

    private string Required(IReadOnlyDictionary<string, string> env, string key) =>
        env.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"{silo.Dockerfile.Path} sets no ENV {key}: the silo would write into its read-only image.");
}
