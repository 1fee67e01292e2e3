using AcousticDistill.Grains.Transcription;

namespace AcousticDistill.Grains.Tests.Silo;

/// <summary>
/// The Silo's own build output carries the committed default models in models/, so <c>dotnet run --project Silo</c>
/// (or the published folder) seeds them without a <c>Models:DefaultDirectory</c> setting.
/// </summary>
public sealed class SiloBuildOutputTests
{
    [Theory]
    [InlineData("en-16k")]
    [InlineData("en-8k")]
    public void SiloBuildOutput_HasTheCommittedDefaultModel(string family)
    {
        var committed = Path.Combine(RepositoryRoot(), "models", DefaultModels.FileName(family));
        var shipped = Path.Combine(SiloOutputDirectory(), "models", DefaultModels.FileName(family));

        Assert.True(File.Exists(shipped), $"{shipped} is missing from the Silo's build output");
        Assert.Equal(File.ReadAllBytes(committed), File.ReadAllBytes(shipped));
    }

    // The Silo project's output folder for the configuration and framework this test was built with: the same path
    // below Silo/ as this test's output has below tests/Grains.Tests/ (bin/CONFIGURATION/FRAMEWORK/).
    private static string SiloOutputDirectory()
    {
        var testProject = Path.Combine(RepositoryRoot(), "tests", "Grains.Tests");
        var relative = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        Assert.StartsWith("bin", relative);
        return Path.Combine(RepositoryRoot(), "Silo", relative);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AcousticDistill.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("repository root not found");
    }
}
