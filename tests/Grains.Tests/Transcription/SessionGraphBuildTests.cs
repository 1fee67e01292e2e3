using AcousticDistill.Grains.Interfaces.Transcription;
using AcousticDistill.Grains.Tests.Fixtures;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>
/// A session compiles its phrase list off its turn: while the build is held (a compiler that waits for the test), the
/// session still answers a close, and the close stops the build.
/// </summary>
public sealed class SessionGraphBuildTests : IAsyncLifetime
{
    private const string Family = "en-16k";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "session-graphs-" + Guid.NewGuid().ToString("N"));
    private readonly HeldGraphCompiler _compiler = new();
    private InProcessTestCluster? _cluster;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var lexicon = TestLexiconFile.Write(_root);
        _cluster = ClusterFixture.BuildCluster(_root, silo =>
        {
            silo.AddMemoryGrainStorage(Constants.StateStorage);
            // Registered before the grain services, which add their own compiler only when none is there.
            silo.Services.AddSingleton<IDecodingGraphCompiler>(_compiler);
            silo.Services.PostConfigure<TranscriptionOptions>(o =>
            {
                o.Lexicon = lexicon;
                o.GraphBuildTimeout = TimeSpan.FromMinutes(5);
            });
        });
        await _cluster.DeployAsync();
        var store = new AcousticDistill.Grains.Storage.FileSystemModelStore(Path.Combine(_root, "store"));
        // The shipped model (the Silo project copies models/ into the test output): the session loads it to serve.
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "models", Family + ".admodel"));
        var accuracy = ModelArtifact.Deserialize(bytes).Metadata.Metrics[AcousticDistill.Acoustic.Training.TrainedModelMetadata.DevFrameAccuracy];
        var id = await store.PutAsync(bytes);
        var registry = _cluster.Client.GetGrain<IModelRegistryGrain>(Family);
        await registry.RegisterAsync(new ModelVersion(id, Family, new ModelLineageInfo("baseline", [], "tones", null, null, 1, "test", DateTimeOffset.UtcNow),
            new ModelMetrics(accuracy, null, 100, 16, 0)));
        await registry.PromoteAsync(id);
    }

    public async Task DisposeAsync()
    {
        _compiler.Release();
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Start_WhileItsPhraseListIsBuilding_CloseIsAnswered_AndStopsTheBuild()
    {
        var session = _cluster!.Client.GetGrain<ITranscriptionSessionGrain>(Guid.NewGuid().ToString("N"));

        var start = session.StartAsync(new RecognitionConfig(16000, Family, PhraseList: ["yes", "no thanks"]));
        // A start that fails before its build would never reach the compiler: its error is the test's failure.
        if (await Task.WhenAny(start, _compiler.Started.Task).WaitAsync(TimeSpan.FromSeconds(60)) == start)
        {
            await start;
        }
        Assert.False(start.IsCompleted);

        await session.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await _compiler.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
