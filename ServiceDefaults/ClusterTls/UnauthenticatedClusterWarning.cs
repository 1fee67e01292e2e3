using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AcousticDistill.ServiceDefaults.ClusterTls;

/// <summary>Says at every start that a multi-host cluster runs without TLS (<c>Orleans:Tls:Required=false</c>), so the
/// opt-out is seen in the logs rather than forgotten in a values file.</summary>
internal sealed class UnauthenticatedClusterWarning(ILogger<UnauthenticatedClusterWarning> logger, string mode) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "{Mode} runs WITHOUT TLS on the Orleans ports (Orleans:Tls:Required=false): any process that reaches them can join the cluster or call any grain",
            mode);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
