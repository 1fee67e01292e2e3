using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Gateway.Tests.Cluster;
using Xunit.Abstractions;

namespace AcousticDistill.Gateway.Tests.Deployment;

/// <summary>
/// The container images (docker/*.Dockerfile), checked without a container engine (none runs in CI): each Dockerfile is
/// read, its build stage's COPYs and <c>dotnet publish</c> are run as written, and the published Silo and Gateway run
/// as separate processes with Redis clustering, the chart's way: the Dockerfile's ENTRYPOINT, USER, ENV and WORKDIR,
/// a read-only root filesystem with only the chart's volumes writable, no capabilities. They must recognise real speech.
/// </summary>
public sealed class ContainerImageTests(ImageLayoutsFixture images, ITestOutputHelper output) : IClassFixture<ImageLayoutsFixture>
{
    /// <summary>Where the AN4 language model is mounted in the silo, as the chart's silo.extraVolumes would.</summary>
    private const string LanguageModelMount = "/srv/language-models/an4-train-bigram.arpa";

    [ReadOnlyRootFact]
    public void SiloImage_CarriesTheDefaultModelsAndTheLexicon()
    {
        var models = Path.Combine(images.Silo.AppDirectory, "models");
        var committed = Directory.GetFiles(Path.Combine(LoopbackCluster.Repository, "models"), "*.admodel").Select(Path.GetFileName);

        Assert.NotEmpty(committed);
        Assert.All(committed, m => Assert.True(File.Exists(Path.Combine(models, m!)), $"{m} is missing from the silo image's models/."));
        Assert.Contains(images.Silo.Files, f => f.Container.EndsWith("cmudict-en-us.dict", StringComparison.Ordinal));
    }

    [ReadOnlyRootFact]
    public async Task PublishedImages_ReadOnlyRootAsAppUserWithRedis_RecogniseRealSpeech()
    {
        var samples = Path.Combine(LoopbackCluster.Repository, "samples", "an4");
        var programs = new ImagePrograms(images.Silo, images.Gateway,
            [new SandboxVolume(Path.Combine(samples, "an4-train-bigram.arpa"), LanguageModelMount, Writable: false)],
            new Dictionary<string, string>());
        await using var cluster = await LoopbackCluster.StartAsync(silos: 1, [$"--Transcription:LanguageModels:en-16k={LanguageModelMount}"], programs);

        AssertConfined(cluster.Silos.Values.Single(), images.Silo);
        using var http = new HttpClient { BaseAddress = cluster.Http, Timeout = TimeSpan.FromMinutes(1) };
        var said = new Dictionary<string, string>
        {
            ["cen6-fcaw-b"] = "one five two three six",
            ["cen8-mdms2-b"] = "march seven nineteen sixty seven",
            ["an422-menk-b"] = "enter thirty",
        };
        var errors = default(WordErrors);
        foreach (var (id, reference) in said)
        {
            var response = await http.PostAsync("/v1/recognize", new ByteArrayContent(File.ReadAllBytes(Path.Combine(samples, id + ".wav"))));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}\n{cluster.LogTail("gateway")}");
            var heard = (string)JsonNode.Parse(body)!["text"]!;
            output.WriteLine($"{id}: said '{reference}', heard '{heard}'");
            errors += WordErrors.Count(reference.Split(' '), heard.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        // The same bound as the in-process test of the shipped model (Grains.Tests ShippedModelRealSpeechTests).
        Assert.True(errors.Errors <= 1, $"{errors.Errors} word errors in {errors.ReferenceWords} words.");
        var silo = cluster.Silos.Keys.Single();
        Assert.DoesNotContain("Read-only file system", cluster.LogTail($"silo-{silo}", 400), StringComparison.Ordinal);
        Assert.DoesNotContain("Read-only file system", cluster.LogTail("gateway", 400), StringComparison.Ordinal);
    }

    /// <summary>The program runs as the Dockerfile's USER, without capabilities, on a read-only root and program folder.</summary>
    private static void AssertConfined(ChildProcess sandbox, ImageLayout image)
    {
        // The ENTRYPOINT's process (bwrap's own processes carry the command in their arguments, not at the start).
        var pid = ProcessInspection.Descendant(sandbox.Id, image.Dockerfile.Runtime.Entrypoint);
        Assert.Equal(image.Dockerfile.Runtime.User, ProcessInspection.Status(pid, "Uid"));
        Assert.Equal("0000000000000000", ProcessInspection.Status(pid, "CapEff"));
        Assert.Equal("1", ProcessInspection.Status(pid, "NoNewPrivs"));
        Assert.True(ProcessInspection.ReadOnlyMount(pid, "/"), "the root filesystem is writable");
        Assert.True(ProcessInspection.ReadOnlyMount(pid, image.Dockerfile.Runtime.WorkingDirectory), "the program folder is writable");
    }
}
