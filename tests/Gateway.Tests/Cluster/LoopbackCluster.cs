using System.Net.Http.Json;
using System.Net.Sockets;

namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>
/// A production-shaped cluster on loopback, as separate processes: redis-server (append-only persistence), silos
/// with Redis clustering, grain storage and reminders sharing one model store and work folder, and a Gateway that is
/// an Orleans client of them through Redis; every Orleans connection is mutual TLS with certificates from a test-time
/// authority (<see cref="Authority"/>), as Redis clustering requires. Programs come from the solution's build output,
/// or as <see cref="IClusterPrograms"/> says.
/// </summary>
public sealed class LoopbackCluster : IAsyncDisposable
{
    private readonly List<ChildProcess> _processes = [];
    private readonly IClusterPrograms _programs;
    private ChildProcess? _redis;

    private LoopbackCluster(string root, IClusterPrograms programs)
    {
        Root = root;
        _programs = programs;
        RedisPort = Ports.Free();
        GatewayPort = Ports.Free();
        Authority = new TestCertificateAuthority(Path.Combine(root, "tls"), "loopback");
    }

    /// <summary>The cluster's certificate authority: every silo and client here holds a certificate it issued.</summary>
    public TestCertificateAuthority Authority { get; }

    /// <summary>Scratch folder (logs, Redis data, model store, work).</summary>
    public string Root { get; }

    /// <summary>The repository.</summary>
    public static string Repository => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    /// <summary>The build configuration of these tests (bin/CONFIGURATION/net10.0), used for the other programs too.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The Orleans cluster id of the silos (and the service id they keep by default).</summary>
    public const string ClusterId = "loopback";

    /// <summary>The Orleans service id of the silos (the default of <c>Silo:ServiceId</c>).</summary>
    public const string ServiceId = "acoustic-distill";

    /// <summary>Redis port.</summary>
    public int RedisPort { get; }

    /// <summary>Gateway HTTP port.</summary>
    public int GatewayPort { get; }

    /// <summary>Silos by their silo port.</summary>
    public Dictionary<int, ChildProcess> Silos { get; } = [];

    /// <summary>The shared model store.</summary>
    public string ModelStore => Path.Combine(Root, "store");

    /// <summary>The silos' shared work folder (Compute:WorkDirectory).</summary>
    public string WorkDirectory => Path.Combine(Root, "work");

    /// <summary>The Gateway's base address.</summary>
    public Uri Http => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>The Gateway's stream endpoint.</summary>
    public Uri Stream => new($"ws://127.0.0.1:{GatewayPort}/v1/stream");

    /// <summary>Starts Redis, <paramref name="silos"/> silos (with <paramref name="siloSettings"/>) and the Gateway; waits until both families serve.</summary>
    public static Task<LoopbackCluster> StartAsync(int silos, IEnumerable<string> siloSettings) =>
        StartAsync(silos, siloSettings, new BuildOutputPrograms());

    /// <summary>As <see cref="StartAsync(int, IEnumerable{string})"/>, with the programs started by <paramref name="programs"/>.</summary>
    public static async Task<LoopbackCluster> StartAsync(int silos, IEnumerable<string> siloSettings, IClusterPrograms programs)
    {
        var cluster = new LoopbackCluster(Path.Combine(Path.GetTempPath(), "loopback-cluster-" + Guid.NewGuid().ToString("N")), programs);
        Directory.CreateDirectory(Path.Combine(cluster.Root, "redis"));
        var settings = siloSettings.ToList();
        try
        {
            cluster.StartRedis();
            for (var i = 0; i < silos; i++)
            {
                cluster.StartSilo(settings);
            }
            cluster.StartGateway();
            await cluster.WaitUntilServingAsync(TimeSpan.FromMinutes(2));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync(); // no test holds the cluster yet: stop its processes here
            throw;
        }
    }

    /// <summary>Starts one more silo; returns its silo port.</summary>
    public int StartSilo(IReadOnlyList<string> settings)
    {
        var siloPort = Ports.Free();
        var process = _programs.StartSilo(this,
        [
            "--urls", $"http://127.0.0.1:{Ports.Free()}",
            "--Silo:Clustering=redis", "--Silo:Storage=redis", $"--Redis:ConnectionString=127.0.0.1:{RedisPort}",
            $"--Silo:SiloPort={siloPort}", $"--Silo:GatewayPort={Ports.Free()}", $"--Silo:ClusterId={ClusterId}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:AcousticDistill=Information",
            // These tests speak digits to the digit grammar; OpenVocabularyTests covers the open-vocabulary default.
            "--Transcription:OpenVocabulary=false",
            .. Authority.Settings(Authority.Issue($"silo-{siloPort}")),
            .. settings,
        ], Path.Combine(Root, $"silo-{siloPort}.log"));
        _processes.Add(process);
        Silos[siloPort] = process;
        return siloPort;
    }

    /// <summary>Restarts Redis on the same port and data folder (SIGTERM: it writes its append-only file first).</summary>
    public async Task RestartRedisAsync()
    {
        await _redis!.StopAsync(TimeSpan.FromSeconds(20));
        StartRedis();
        await WaitForRedisAsync();
    }

    /// <summary>GET a JSON document from the Gateway.</summary>
    public async Task<JsonObject> GetJsonAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Http, Timeout = timeout };
        return (await http.GetFromJsonAsync<JsonObject>(path))!;
    }

    /// <summary>The tail of a process's log, for failure messages.</summary>
    public string LogTail(string name, int lines = 40)
    {
        var path = Path.Combine(Root, name + ".log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log)";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.AsEnumerable().Reverse())
        {
            process.Dispose();
        }
        _redis?.Dispose();
        Authority.Dispose();
        await Task.Delay(100);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still be flushing; the folder is in the temp directory.
        }
    }

    private void StartRedis()
    {
        _redis = ChildProcess.Start("redis-server",
        [
            "--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--dir", Path.Combine(Root, "redis"),
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no",
        ], Path.Combine(Root, "redis.log"));
    }

    private async Task WaitForRedisAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, RedisPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("redis-server did not start: " + LogTail("redis"));
    }

    private void StartGateway()
    {
        _processes.Add(_programs.StartGateway(this,
        [
            "--urls", $"http://127.0.0.1:{GatewayPort}",
            "--Gateway:Cluster=redis", $"--Redis:ConnectionString=127.0.0.1:{RedisPort}", $"--Silo:ClusterId={ClusterId}",
            "--Logging:LogLevel:Default=Warning",
            .. Authority.Settings(Authority.Issue("gateway", serverAuth: false)),
        ], Path.Combine(Root, "gateway.log")));
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        await WaitForRedisAsync();
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                var families = (await GetJsonAsync("/v1/models", TimeSpan.FromSeconds(10)))["families"]!.AsArray();
                if (families.All(f => f!["serving_version"] is not null))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                last = ex;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the loopback cluster did not serve within {timeout}: {last?.Message}\n{LogTails()}");
    }

    /// <summary>The tails of the Gateway's and every silo's log, for failure messages.</summary>
    public string LogTails(int lines = 40) =>
        $"gateway:\n{LogTail("gateway", lines)}" + string.Concat(Silos.Keys.Select(port => $"\nsilo {port}:\n{LogTail($"silo-{port}", lines)}"));
}
