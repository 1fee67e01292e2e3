#:project ../../ServiceDefaults/ServiceDefaults.csproj
#:package Microsoft.Orleans.Server
#:package Microsoft.Orleans.Client
#:property PublishAot=false
// What mutual TLS on the Orleans ports costs a grain call: a silo and an external client in one process, talking over
// loopback TCP through the silo's gateway port, first without TLS, then with the same ClusterTls wiring the Silo and the
// Gateway use (certificates from scripts/tls/make-cluster-certs.sh). Rounds alternate plain and TLS so that the
// shared machine's noise falls on both. Per round: sequential calls (latency) and calls with many in flight (throughput).
// Usage: dotnet run -c Release bench/cluster/tls-cost.cs [rounds] [sequential-calls] [concurrent-calls] [in-flight]
// (defaults 5 20000 100000 64). PublishAot is off: a file-based app turns it on by default, and under it the DI
// container refuses the generic value-type services Orleans asks for. Results: docs/BENCHMARKS.md ("Orleans mutual TLS cost").
using System.Diagnostics;
using AcousticDistill.ServiceDefaults.ClusterTls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 5;
var sequentialCalls = args.Length > 1 ? int.Parse(args[1]) : 20000;
var concurrentCalls = args.Length > 2 ? int.Parse(args[2]) : 100000;
var inFlight = args.Length > 3 ? int.Parse(args[3]) : 64;

var certificates = Directory.CreateTempSubdirectory("tls-cost-");
try
{
    MakeCertificates(certificates.FullName);
    var credentials = ClusterCredentials.Load(new ClusterTlsOptions
    {
        CertificatePath = Path.Combine(certificates.FullName, "cluster.crt"),
        KeyPath = Path.Combine(certificates.FullName, "cluster.key"),
        CaCertificatePath = Path.Combine(certificates.FullName, "ca.crt"),
    }, acceptsConnections: true, DateTimeOffset.UtcNow);

    var results = new Dictionary<bool, List<(double Latency, double Throughput)>> { [false] = [], [true] = [] };
    Console.WriteLine($"{"round",5} {"mode",6} {"sequential ms/call",19} {"concurrent calls/s",19}");
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var tls in new[] { false, true })
        {
            var (latency, throughput) = await MeasureAsync(tls ? credentials : null);
            results[tls].Add((latency, throughput));
            Console.WriteLine($"{round,5} {(tls ? "tls" : "plain"),6} {latency,19:0.000} {throughput,19:N0}");
        }
    }
    // Medians, not means: one round slowed by another process on the shared machine should not move the figure.
    double Median(IEnumerable<double> values) => values.Order().ElementAt((rounds - 1) / 2);
    var (plainLatency, tlsLatency) = (Median(results[false].Select(r => r.Latency)), Median(results[true].Select(r => r.Latency)));
    var (plainRate, tlsRate) = (Median(results[false].Select(r => r.Throughput)), Median(results[true].Select(r => r.Throughput)));
    Console.WriteLine($"{"median",5} {"plain",6} {plainLatency,19:0.000} {plainRate,19:N0}");
    Console.WriteLine($"{"median",5} {"tls",6} {tlsLatency,19:0.000} {tlsRate,19:N0}");
    Console.WriteLine($"tls / plain: latency {tlsLatency / plainLatency:0.00}x, throughput {tlsRate / plainRate:0.00}x");
}
finally
{
    certificates.Delete(recursive: true);
}

async Task<(double MillisecondsPerCall, double CallsPerSecond)> MeasureAsync(ClusterCredentials? tls)
{
    // Fresh ports per run: a silo that just stopped may still hold its own for a moment.
    var siloPort = Random.Shared.Next(20000, 30000);
    var gatewayPort = siloPort + 10000;
    using var silo = Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
        .UseOrleans(builder =>
        {
            builder.UseLocalhostClustering(siloPort, gatewayPort);
            if (tls is not null)
            {
                builder.UseClusterTls(tls);
            }
        })
        .Build();
    await silo.StartAsync();
    using var client = Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error))
        .UseOrleansClient(builder =>
        {
            builder.UseLocalhostClustering(gatewayPort);
            if (tls is not null)
            {
                builder.UseClusterTls(tls);
            }
        })
        .Build();
    await client.StartAsync();
    try
    {
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var echo = grains.GetGrain<IEchoGrain>(0);
        // Warm-up (activations, JIT, connection), once each way of calling, uncounted.
        for (var i = 0; i < 1000; i++)
        {
            await echo.EchoAsync(i);
        }
        await CallConcurrentlyAsync(grains, 5000);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sequentialCalls; i++)
        {
            await echo.EchoAsync(i);
        }
        var latency = clock.Elapsed.TotalMilliseconds / sequentialCalls;

        clock.Restart();
        await CallConcurrentlyAsync(grains, concurrentCalls);
        return (latency, concurrentCalls / clock.Elapsed.TotalSeconds);
    }
    finally
    {
        await client.StopAsync();
        await silo.StopAsync();
    }
}

// Many grains, so that calls are not queued behind one activation's turns.
Task CallConcurrentlyAsync(IClusterClient grains, int calls)
{
    var next = -1;
    return Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
    {
        int call;
        while ((call = Interlocked.Increment(ref next)) < calls)
        {
            await grains.GetGrain<IEchoGrain>(call % 256).EchoAsync(call);
        }
    }));
}

static void MakeCertificates(string folder)
{
    // The script beside this file's repository (run from elsewhere, the working directory is taken as the repository).
    var repository = AppContext.GetData("EntryPointFileDirectoryPath") is string here
        ? Path.Combine(here, "..", "..") : Directory.GetCurrentDirectory();
    var script = Path.GetFullPath(Path.Combine(repository, "scripts", "tls", "make-cluster-certs.sh"));
    using var process = Process.Start(new ProcessStartInfo(script, [folder, "1"]) { RedirectStandardOutput = true })
        ?? throw new InvalidOperationException($"could not start {script}");
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{script} failed (exit {process.ExitCode})");
    }
}

/// <summary>A call with nothing to do, so that what is timed is the messaging and its transport.</summary>
public interface IEchoGrain : IGrainWithIntegerKey
{
    Task<int> EchoAsync(int value);
}

/// <inheritdoc cref="IEchoGrain"/>
public sealed class EchoGrain : Grain, IEchoGrain
{
    /// <inheritdoc />
    public Task<int> EchoAsync(int value) => Task.FromResult(value);
}
