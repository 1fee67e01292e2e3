namespace AcousticDistill.Gateway.Tests.Demo;

/// <summary>The demo page writes server data as text: no <c>innerHTML</c> or similar sinks in its scripts.</summary>
public sealed class DemoScriptSafetyTests
{
    [Theory]
    [InlineData("demo.js")]
    [InlineData("pcm-capture.js")]
    public void Script_HasNoHtmlSinks(string name)
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "Gateway", "wwwroot", name));

        Assert.DoesNotMatch(@"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", script);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AcousticDistill.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("AcousticDistill.sln not found above the test's directory.");
    }
}
