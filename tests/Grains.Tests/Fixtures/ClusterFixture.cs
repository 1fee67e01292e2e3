using AcousticDistill.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>
/// One in-process silo with in-memory grain state and reminders (period floor lowered), a file-system model store in
/// a temp folder, and, built on first use, a tone corpus with a two-teacher ensemble for distillation jobs.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly Lazy<Task> _distillationData;
    private InProcessTestCluster? _cluster;

    public ClusterFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "grains-tests-" + Guid.NewGuid().ToString("N"));
        _distillationData = new Lazy<Task>(() => Task.Run(() =>
        {
            ToneCorpus.Write(CorpusDirectory);
            TinyEnsemble.Train(CorpusDirectory, EnsembleDirectory);
        }));
    }

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store");

    public string CorpusDirectory => Path.Combine(Root, "corpus");

    public string EnsembleDirectory => Path.Combine(Root, "ensemble");

    public IGrainFactory Grains => _cluster?.Client ?? throw new InvalidOperationException("The cluster is not running.");

    public IModelStore Store => new FileSystemModelStore(StorePath);

    /// <summary>The silo's reminder table, to see which reminders a grain holds.</summary>
    public IReminderTable Reminders =>
        (_cluster ?? throw new InvalidOperationException("The cluster is not running.")).GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        _cluster = BuildCluster(Root, silo => silo.AddMemoryGrainStorage(Constants.StateStorage));
        await _cluster.DeployAsync();
    }

    /// <summary>
    /// A one-silo cluster with the grains' services over <paramref name="root"/> (store; work folder unless
    /// <paramref name="workDirectory"/> gives another, as on a different machine), in-memory reminders with a 0.5 s floor,
    /// and grain state from <paramref name="addStateStorage"/>.
    /// </summary>
    public static InProcessTestCluster BuildCluster(string root, Action<ISiloBuilder> addStateStorage, string? workDirectory = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelStore:Path"] = Path.Combine(root, "store"),
            ["Compute:WorkDirectory"] = workDirectory ?? Path.Combine(root, "work"),
            ["Compute:ConcurrentStages"] = "1",
            ["Compute:TorchThreads"] = "1",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            addStateStorage(silo);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
            silo.Services.AddAcousticGrainServices(configuration);
        });
        return builder.Build();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A family name no other test uses, so tests sharing the cluster never see each other's grains.</summary>
    public static string NewFamily(string prefix = "tones") => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The tone corpus and ensemble (built once).</summary>
    public Task EnsureDistillationDataAsync() => _distillationData.Value;

    /// <summary>A job request for <paramref name="family"/> over the tone corpus and ensemble, with a tiny student.</summary>
    public DistillationJobRequest Request(string family, int epochs = 2) => new(
        family, CorpusDirectory, EnsembleDirectory,
        new TrainingHyperParameters(Seed: 3, Epochs: epochs, HiddenLayers: 1, HiddenWidth: 32, Dropout: 0.0, BatchSize: 128, LearningRate: 0.05),
        Temperature: 2.0, Alpha: 0.5);

    /// <summary>Starts <paramref name="request"/> as a new job (fresh key) and returns the job's grain.</summary>
    public async Task<IDistillationJobGrain> StartJobAsync(DistillationJobRequest request)
    {
        var job = Grains.GetGrain<IDistillationJobGrain>(Guid.NewGuid());
        await job.StartAsync(request);
        return job;
    }

    /// <summary>Stores a tiny artifact of <paramref name="family"/> recording the given dev accuracy and registers it with that accuracy.</summary>
    public async Task<ModelVersion> RegisterVersionAsync(string family, double devFrameAccuracy, string role = "baseline")
    {
        var id = await Store.PutAsync(TestArtifacts.Create(family, devFrameAccuracy, role: role));
        var lineage = new ModelLineageInfo(role, [], "tones", null, null, 1, "test", DateTimeOffset.UtcNow);
        var version = new ModelVersion(id, family, lineage, new ModelMetrics(devFrameAccuracy, null, 100, 16, 0));
        return await Grains.GetGrain<IModelRegistryGrain>(family).RegisterAsync(version);
    }

    /// <summary>Registers a baseline version and promotes it (by default a weak one, dev accuracy 0.05, for a job to beat).</summary>
    public async Task<ModelVersion> ServeVersionAsync(string family, double devFrameAccuracy = 0.05)
    {
        var version = await RegisterVersionAsync(family, devFrameAccuracy);
        await Grains.GetGrain<IModelRegistryGrain>(family).PromoteAsync(version.Id);
        return version;
    }
}
