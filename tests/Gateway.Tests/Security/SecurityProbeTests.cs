using System.Diagnostics;
using Xunit.Abstractions;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>A Gateway with the shipped limits (50 MiB uploads, 16 streams per client) on silo ports the probe is told.</summary>
public sealed class DefaultLimitsGatewayFixture : GatewayFixture
{
    /// <summary>The co-hosted silo's ports.</summary>
    public int[] OrleansPorts { get; } = [Ports.Free(), Ports.Free()];

    /// <inheritdoc />
    public override long UploadLimit => 50L * 1024 * 1024;

    /// <inheritdoc />
    protected override string[] MoreSettings =>
    [
        $"--Silo:SiloPort={OrleansPorts[0]}",
        $"--Silo:GatewayPort={OrleansPorts[1]}",
        // The per-client probe holds 16 silent sockets while it tries a 17th: the test default (8 s) could cut them.
        "--Gateway:Limits:IdleTimeout=00:01:00",
    ];
}

/// <summary>
/// scripts/security/probe.py, the security review's requests as one script (issue 14), against the real Gateway:
/// every probe must hold, so the script and the Gateway cannot drift apart.
/// </summary>
public sealed class SecurityProbeTests(DefaultLimitsGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<DefaultLimitsGatewayFixture>
{
    [Fact]
    public async Task ProbeScript_AgainstTheGateway_EveryProbeHolds()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "security", "probe.py");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { script, gateway.BaseAddress.ToString().TrimEnd('/'), "--orleans-ports", string.Join(',', gateway.OrleansPorts) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var probe = Process.Start(start)!;
        var stdout = probe.StandardOutput.ReadToEndAsync();
        var stderr = probe.StandardError.ReadToEndAsync();
        await probe.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var table = await stdout;
        output.WriteLine(table + await stderr);

        Assert.Equal(0, probe.ExitCode);
        Assert.DoesNotContain("FAIL", table, StringComparison.Ordinal);
        Assert.Matches(@"(\d+) of \1 probes held", table);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AcousticDistill.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (AcousticDistill.sln) was not found above the test binaries.");
    }
}
