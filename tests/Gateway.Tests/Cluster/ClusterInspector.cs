using AcousticDistill.ServiceDefaults.ClusterTls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>
/// The tests' own Orleans client of a loopback cluster, to see where grains live (nothing the Gateway exposes): a fault
/// test uses it to make sure the silo it kills hosts live sessions, wherever placement put them. It holds a certificate
/// from the cluster's authority, as any client of a TLS cluster must.
/// </summary>
internal sealed class ClusterInspector(IHost host) : IAsyncDisposable
{
    public static async Task<ClusterInspector> ConnectAsync(LoopbackCluster cluster)
    {
        var certificate = cluster.Authority.Issue("inspector-" + Guid.NewGuid().ToString("N"), serverAuth: false);
        var credentials = ClusterCredentials.Load(new ClusterTlsOptions
        {
            CertificatePath = certificate.CertificatePath,
            KeyPath = certificate.KeyPath,
            CaCertificatePath = cluster.Authority.CertificatePath,
        }, acceptsConnections: false, DateTimeOffset.UtcNow);
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(ids =>
                {
                    ids.ClusterId = LoopbackCluster.ClusterId;
                    ids.ServiceId = LoopbackCluster.ServiceId;
                });
                client.UseRedisClustering($"127.0.0.1:{cluster.RedisPort}");
                client.UseClusterTls(credentials);
            })
            .Build();
        await host.StartAsync();
        return new ClusterInspector(host);
    }

    /// <summary>Live transcription sessions activated on each silo, by silo port.</summary>
    public async Task<Dictionary<int, int>> SessionsPerSiloAsync()
    {
        var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var activations = await management.GetDetailedGrainStatistics();
        return activations
            .Where(a => a.GrainType.Contains("TranscriptionSession", StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => a.SiloAddress.Endpoint.Port)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
