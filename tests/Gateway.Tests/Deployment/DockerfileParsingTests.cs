namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>The Dockerfile and .dockerignore readers the image tests rely on.</summary>
public sealed class DockerfileParsingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dockerfile-parsing-").FullName;

    [Fact]
    public void Read_ContinuationsArgsAndBaseEnvironment_GivesTheRuntimeStageAsTheEngineWould()
    {
        var path = Write("Dockerfile", """
            # syntax=docker/dockerfile:1
            ARG TAG=10.0
            FROM example/sdk:${TAG} AS build
            WORKDIR /src
            COPY a.txt b/ ./
            RUN dotnet publish X.csproj -c Release \
                -o /app
            FROM example/runtime:$TAG
            WORKDIR /app
            COPY --from=build /app ./
            ENV Urls=http://+:8080 \
                Store__Path=/var/lib/x
            EXPOSE 8080 11111/tcp
            USER $APP_UID
            ENTRYPOINT ["dotnet", "X.dll"]
            """);

        var dockerfile = Dockerfile.Read(path, new Dictionary<string, string> { ["APP_UID"] = "1654" });

        Assert.Equal(["build", "stage1"], dockerfile.Stages.Select(s => s.Name));
        Assert.Equal("example/sdk:10.0", dockerfile.Stage("build").BaseImage);
        Assert.Equal(("/src", "dotnet publish X.csproj -c Release  -o /app"), dockerfile.Stage("build").Runs.Single());
        var copy = dockerfile.Stage("build").Copies.Single();
        Assert.Equal((null, "/src/"), (copy.From, copy.Destination));
        Assert.Equal(["a.txt", "b/"], copy.Sources);
        var runtime = dockerfile.Runtime;
        Assert.Equal("example/runtime:10.0", runtime.BaseImage);
        Assert.Equal("/app/", runtime.Copies.Single().Destination);
        Assert.Equal("build", runtime.Copies.Single().From);
        Assert.Equal("/var/lib/x", runtime.Environment["Store__Path"]);
        Assert.Equal([8080, 11111], runtime.ExposedPorts);
        Assert.Equal("1654", runtime.User);
        Assert.Equal(["dotnet", "X.dll"], runtime.Entrypoint);
    }

    [Fact]
    public void Read_UndefinedVariable_NamesIt()
    {
        var path = Write("Dockerfile", "FROM x\nUSER $NOBODY\n");

        var error = Assert.Throws<FormatException>(() => Dockerfile.Read(path, new Dictionary<string, string>()));

        Assert.Contains("$NOBODY", error.Message);
    }

    [Fact]
    public void DockerIgnore_FolderPatternsAndExceptions_LastMatchWins()
    {
        Write(".dockerignore", "# build output\n**/bin\nartifacts\n*.log\n!keep.log\n");
        var ignore = DockerIgnore.Read(_folder);

        Assert.True(ignore.Excludes("Silo/bin/Release/x.dll"));
        Assert.True(ignore.Excludes("bin/x"));
        Assert.True(ignore.Excludes("artifacts/test-results/a.trx"));
        Assert.True(ignore.Excludes("run.log"));
        Assert.False(ignore.Excludes("keep.log"));
        Assert.False(ignore.Excludes("Silo/Program.cs"));
        Assert.False(ignore.Excludes("Silo/binary.cs"));
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
