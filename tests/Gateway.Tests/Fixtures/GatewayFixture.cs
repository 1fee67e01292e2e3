using AcousticDistill.Embedded.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>
/// The real Gateway in its embedded single-process mode (the embedded host: Gateway + co-hosted silo) on free loopback ports, with a temporary model store seeded
/// from the committed default models (models/), and short limits so that limit tests run quickly.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    /// <summary>
    /// Idle timeout of test streams. Short enough that the idle test is quick, long enough that a client starved of
    /// CPU on a loaded machine between a reply and its next chunk is not cut (2 s was: seen at load average 24).
    /// </summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(8);

    /// <summary>Largest WebSocket message of test streams.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Largest upload of test requests.</summary>
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "gateway-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The running application.</summary>
    public WebApplication App { get; private set; } = null!;

    /// <summary>Base address, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Grains of the embedded cluster.</summary>
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The upload limit this Gateway runs with (<see cref="MaxUploadBytes"/> unless a derived fixture says otherwise).</summary>
    public virtual long UploadLimit => MaxUploadBytes;

    /// <summary>Extra command-line settings of a derived fixture; they override this fixture's own.</summary>
    protected virtual string[] MoreSettings => [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        App = EmbeddedApplication.Create(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Silo:SiloPort={Ports.Free()}",
            $"--Silo:GatewayPort={Ports.Free()}",
            $"--ModelStore:Path={Path.Combine(_root, "store")}",
            $"--Compute:WorkDirectory={Path.Combine(_root, "work")}",
            $"--Gateway:Limits:IdleTimeout={IdleTimeout}",
            $"--Gateway:Limits:MaxMessageBytes={MaxMessageBytes}",
            $"--Gateway:Limits:MaxUploadBytes={UploadLimit}",
            "--Logging:LogLevel:Default=Warning",
            "--Transcription:AgreementSampleRate=1",
            // These tests speak digits to the digit grammar; OpenVocabularyTests covers the open-vocabulary default.
            "--Transcription:OpenVocabulary=false",
            // Last, so that a derived fixture may override the settings above (of a repeated key, the last counts).
            .. MoreSettings,
        ]);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>An HTTP client for the Gateway.</summary>
    public HttpClient Http() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The WebSocket address of <c>/v1/stream</c> with an optional query.</summary>
    public Uri StreamUri(string query = "") => new($"ws://{BaseAddress.Authority}/v1/stream{query}");
}

/// <summary>Test classes sharing one Gateway.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "gateway";
}
