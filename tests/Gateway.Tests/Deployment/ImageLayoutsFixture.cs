using AcousticDistill.Gateway.Tests.Cluster;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The Silo and Gateway image layouts (docker/*.Dockerfile), published once per test class (publishing takes minutes).
/// Nothing is published where <see cref="ReadOnlyRootSandbox"/> cannot run: those tests skip.
/// </summary>
public sealed class ImageLayoutsFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(15);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "image-layouts-" + Guid.NewGuid().ToString("N"));

    /// <summary>docker/silo.Dockerfile, built.</summary>
    public ImageLayout Silo { get; private set; } = null!;

    /// <summary>docker/gateway.Dockerfile, built.</summary>
    public ImageLayout Gateway { get; private set; } = null!;

    /// <summary>A Dockerfile of the repository, read.</summary>
    public static Dockerfile Read(string name) =>
        Dockerfile.Read(Path.Combine(LoopbackCluster.Repository, "docker", name), ReadOnlyRootSandbox.BaseImageEnvironment);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (ReadOnlyRootSandbox.Unavailable is not null || new[] { "silo.Dockerfile", "gateway.Dockerfile" }.Any(f => ImageLayout.MissingHostFiles(Read(f)).Any()))
        {
            return;
        }
        Silo = await ImageLayout.BuildAsync(Read("silo.Dockerfile"), LoopbackCluster.Repository, Path.Combine(_scratch, "silo"), s_publishTimeout);
        Gateway = await ImageLayout.BuildAsync(Read("gateway.Dockerfile"), LoopbackCluster.Repository, Path.Combine(_scratch, "gateway"), s_publishTimeout);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A fact that needs <see cref="ReadOnlyRootSandbox"/>: skipped, saying why, where it cannot run.</summary>
public sealed class ReadOnlyRootFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the sandbox is unavailable.</summary>
    public ReadOnlyRootFactAttribute()
    {
        if (ReadOnlyRootSandbox.Unavailable is { } why)
        {
            Skip = why;
        }
        else if (new[] { "silo.Dockerfile", "gateway.Dockerfile" }.SelectMany(f => ImageLayout.MissingHostFiles(ImageLayoutsFixture.Read(f))).FirstOrDefault() is { } missing)
        {
            Skip = $"{missing} (a Debian package's file the image installs in a stage of its own) is not on this machine; run scripts/install-deps.sh";
        }
    }
}
