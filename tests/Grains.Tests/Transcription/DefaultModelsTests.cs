using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Logging.Abstractions;

namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>The committed default models carry their priors inside; a default model without them is refused.</summary>
public sealed class DefaultModelsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static string RepositoryModels()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AcousticDistill.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root not found"), "models");
    }

    private DefaultModels Defaults() => new(fixture.Grains, fixture.Store, NullLogger<DefaultModels>.Instance);

    [Theory]
    [InlineData("en-16k")]
    [InlineData("en-8k")]
    public async Task CommittedDefaultModel_CarriesItsPriors_AndIsSeeded(string family)
    {
        var path = Path.Combine(RepositoryModels(), DefaultModels.FileName(family));
        var artifact = ModelArtifact.Load(path);
        Assert.Equal(ModelArtifact.CurrentFormat, artifact.Format);
        Assert.Equal(artifact.Metadata.Architecture.Classes, artifact.Metadata.Priors?.Classes);
        Assert.False(File.Exists(path + ".priors.json"), "nothing stands beside the artifact");

        var seeded = await Defaults().SeedAsync([family], RepositoryModels());

        Assert.Equal([family], seeded);
        var serving = (await fixture.Grains.GetGrain<IModelRegistryGrain>(family).GetServingAsync())!;
        Assert.Equal(ModelArtifact.ContentHash(File.ReadAllBytes(path)), serving.Id);
    }

    [Fact]
    public async Task DefaultModel_WithoutPriors_IsRefusedBeforeItIsStored()
    {
        using var folder = new TempFolder();
        var original = ModelArtifact.Load(Path.Combine(RepositoryModels(), DefaultModels.FileName("en-16k")));
        var metadata = original.Metadata with { Family = "en-noprior", Priors = null };
        var bytes = ModelArtifact.Serialize(original.Model, metadata);
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, DefaultModels.FileName("en-noprior")), bytes);

        var error = await Assert.ThrowsAsync<ModelArtifactException>(() => Defaults().SeedAsync(["en-noprior"], folder.Path));

        Assert.Contains("has no class priors", error.Message);
        Assert.Contains("acoustic model upgrade", error.Message);
        Assert.False(await fixture.Store.ContainsAsync(ModelArtifact.ContentHash(bytes)));
        Assert.Null(await fixture.Grains.GetGrain<IModelRegistryGrain>("en-noprior").GetServingAsync());
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("default-models-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
