using Microsoft.Extensions.Hosting;

namespace AcousticDistill.Grains.Compute;

/// <summary>
/// Sets torch's process-wide thread count once, when the host starts, from <see cref="ComputeOptions.TorchThreads"/>: the
/// one option for every network in the process (training stages and live sessions alike). Nothing changes it later.
/// </summary>
internal sealed class TorchThreadsStartup(IOptions<ComputeOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        options.Value.Validate();
        TorchRuntime.SetThreads(options.Value.TorchThreads);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
