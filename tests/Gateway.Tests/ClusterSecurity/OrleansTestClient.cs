using AcousticDistill.ServiceDefaults;
using AcousticDistill.ServiceDefaults.ClusterTls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AcousticDistill.Gateway.Tests.ClusterSecurity;

/// <summary>
/// A bare Orleans client, as an intruder on the network would write one: localhost clustering to a silo's gateway port,
/// with or without TLS credentials.
/// </summary>
internal sealed class OrleansTestClient(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Starts a client of the silo at <paramref name="gatewayPort"/> (the embedded host's default cluster identity);
    /// throws if it cannot connect before <paramref name="cancellationToken"/> (Orleans retries refused connections).
    /// </summary>
    public static async Task<OrleansTestClient> ConnectAsync(int gatewayPort, ClusterCredentials? credentials, CancellationToken cancellationToken = default)
    {
        var identity = new ClusterIdentityOptions();
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.UseLocalhostClustering(gatewayPort, identity.ServiceId, identity.ClusterId);
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
                if (credentials is not null)
                {
                    client.UseClusterTls(credentials);
                }
            })
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new OrleansTestClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            host.Dispose();
        }
    }
}
