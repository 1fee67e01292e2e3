using System.Net;
using AcousticDistill.Gateway.Tests.Fixtures;
using AcousticDistill.Grains.Storage;
using AcousticDistill.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AcousticDistill.Grains.Tests.Silo;

/// <summary>The real silo host (Program's builder) on a test server with free ports and a temp model store.</summary>
public sealed class SiloHostTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "silo-host-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        _app = SiloApplication.Create(
        [
            $"--Silo:SiloPort={Ports.Free()}",
            $"--Silo:GatewayPort={Ports.Free()}",
            $"--ModelStore:Path={Path.Combine(_root, "store")}",
            $"--Compute:WorkDirectory={Path.Combine(_root, "work")}",
        ], builder => builder.WebHost.UseTestServer());
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Endpoints_HealthAliveDashboard_Answer()
    {
        var client = _app!.GetTestClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/alive"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterPromotion_ShowsRegistryAndOrleansSeries()
    {
        var services = _app!.Services;
        var id = await services.GetRequiredService<IModelStore>().PutAsync(TestArtifacts.Create("en-16k", 1.0, role: "student"));
        var lineage = new ModelLineageInfo("student", [], "tones", 2, 0.5, 1, "test", DateTimeOffset.UtcNow);
        var registry = services.GetRequiredService<IGrainFactory>().GetGrain<IModelRegistryGrain>("en-16k");
        // Perfect accuracy: the seeded default model serves already, and promotion refuses a worse candidate.
        await registry.RegisterAsync(new ModelVersion(id, "en-16k", lineage, new ModelMetrics(1.0, null, 1, 16, 0)));
        await registry.PromoteAsync(id);

        var metrics = await _app.GetTestClient().GetStringAsync("/metrics");

        Assert.Contains($"registry_serving{{otel_scope_name=\"AcousticDistill.Registry\",family=\"en-16k\",version=\"{id}\"}} 1", metrics);
        Assert.Contains("registry_frame_accuracy{", metrics);
        Assert.Contains("# TYPE orleans_", metrics);
    }

    [Fact]
    public async Task FreshSilo_FromItsBaseDirectory_SeedsAndServesTheDefaultModels()
    {
        // No Models:DefaultDirectory is given: the silo looks in models/ beside the program, which its build output has.
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models"), DefaultModelRegistration.DefaultDirectory);
        var grains = _app!.Services.GetRequiredService<IGrainFactory>();

        var metrics = await _app.GetTestClient().GetStringAsync("/metrics");

        foreach (var family in new[] { "en-16k", "en-8k" })
        {
            var serving = await grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync();
            Assert.NotNull(serving);
            var file = Path.Combine(DefaultModelRegistration.DefaultDirectory, family + ".admodel");
            Assert.Equal(ModelArtifact.ContentHash(File.ReadAllBytes(file)), serving.Id);
            Assert.Contains($"registry_frame_accuracy{{otel_scope_name=\"AcousticDistill.Registry\",family=\"{family}\"", metrics);
        }
    }
}
