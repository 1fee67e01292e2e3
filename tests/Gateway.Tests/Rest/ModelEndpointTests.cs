using System.Net.Http.Json;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Grains.Distillation;
using AcousticDistill.Grains.Interfaces.Registry;
using AcousticDistill.Grains.Storage;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.DependencyInjection;

namespace AcousticDistill.Gateway.Tests.Rest;

/// <summary>The model API (list, promote, rollback, distill) and hot-swapping a promoted version into open streams.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ModelEndpointTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Models_EmbeddedDefault_BothFamiliesServeWithAccuracyAndLineage()
    {
        using var http = gateway.Http();

        var families = (await http.GetFromJsonAsync<JsonObject>("/v1/models"))!["families"]!.AsArray().Select(f => f!.AsObject()).ToList();

        Assert.Equal(["en-16k", "en-8k"], families.Select(f => (string)f["family"]!));
        Assert.Equal([16000, 8000], families.Select(f => (int)f["sample_rate"]!));
        Assert.All(families, f =>
        {
            Assert.Equal(64, ((string)f["serving_version"]!).Length);
            Assert.InRange((double)f["dev_frame_accuracy"]!, 0.2, 1.0);
            var serving = f["versions"]!.AsArray().Single(v => (string)v!["id"]! == (string)f["serving_version"]!)!;
            Assert.Equal("serving", (string)serving["status"]!);
            Assert.False(string.IsNullOrEmpty((string)serving["lineage"]!["corpus"]!));
        });
    }

    [Theory]
    [InlineData("/v1/models/klingon/rollback", HttpStatusCode.NotFound)]
    [InlineData("/v1/models/en-8k/promote", HttpStatusCode.BadRequest)]
    [InlineData("/v1/models/en-8k/promote?version=0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound)]
    [InlineData("/v1/models/en-8k/distill", HttpStatusCode.Conflict)]
    public async Task ModelActions_Impossible_ProblemDetails(string path, HttpStatusCode status)
    {
        using var http = gateway.Http();

        var response = await http.PostAsync(path, null);

        Assert.Equal(status, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]));
    }

    [Fact]
    public async Task Promote_DuringAStream_SessionSwitchesBetweenChunksAndRollbackRestores()
    {
        using var http = gateway.Http();
        var registry = gateway.Grains.GetGrain<IModelRegistryGrain>("en-16k");
        var original = (await registry.GetServingAsync())!;
        var candidate = await RegisterVariantAsync(original);
        var pcm = Speech.Pcm16(Speech.Wav("one two three", 16000), 16000);
        var half = pcm.Length / 2 / 3200 * 3200;
        await using var client = await VoskClient.ConnectAsync(gateway.StreamUri("?words=1"));
        for (var start = 0; start < half; start += 3200)
        {
            await client.SendBinaryAsync(pcm.AsMemory(start, 3200));
            Assert.NotNull(await client.ReceiveAsync());
        }

        var promoted = await http.PostAsync($"/v1/models/en-16k/promote?version={candidate}", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        await WaitUntilServingAsync(http, candidate);
        var replies = await client.TranscribeAsync(pcm[half..], 3200);

        Assert.Equal("one two three", VoskClient.FinalText(replies));
        Assert.All(replies.Where(r => r.ContainsKey("model_version")), r => Assert.Equal(candidate, (string)r["model_version"]!));
        var rollback = await http.PostAsync("/v1/models/en-16k/rollback", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(original.Id, (await registry.GetServingAsync())!.Id);
        await WaitUntilServingAsync(http, original.Id); // so that later tests' streams see the original again
    }

    [Fact]
    public async Task EnsembleAgreement_StudentOfTheServingModel_SampledLiveFramesAgreeFully()
    {
        using var http = gateway.Http();
        var registry = gateway.Grains.GetGrain<IModelRegistryGrain>("en-16k");
        var original = (await registry.GetServingAsync())!;
        // A "student" whose teacher is the serving model itself, with the same weights: every frame must agree.
        var student = await RegisterVariantAsync(original, teachers: [original.Id]);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/models/en-16k/promote?version={student}", null)).StatusCode);
        await WaitUntilServingAsync(http, student);

        await http.PostAsync("/v1/recognize", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one two three", 16000))));
        // Agreement is computed off the stream's turn: wait for its series.
        var line = await Eventually.ValueAsync(async () => (await http.GetStringAsync("/metrics")).Split('\n')
                .FirstOrDefault(l => l.StartsWith("transcription_ensemble_agreement{", StringComparison.Ordinal) && l.Contains(student, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), $"no transcription_ensemble_agreement series for {student} appeared at /metrics");
        await http.PostAsync("/v1/models/en-16k/rollback", null);
        await WaitUntilServingAsync(http, original.Id);

        Assert.Equal(1.0, double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Metrics_AfterAStream_ExposeGatewayTranscriptionAndRegistrySeries()
    {
        using var http = gateway.Http();
        await http.PostAsync("/v1/recognize", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one", 16000))));

        var metrics = await http.GetStringAsync("/metrics");

        foreach (var series in new[] { "gateway_streams_active", "gateway_streams_total", "transcription_sessions_active",
                     "transcription_chunk_duration_seconds_bucket", "transcription_real_time_factor_bucket", "registry_frame_accuracy" })
        {
            Assert.Contains(series, metrics, StringComparison.Ordinal);
        }
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
        Assert.Equal("Healthy", await http.GetStringAsync("/alive"));
    }

    // Promotions reach the silo's sessions within Transcription:ServingRefresh: wait until a new request is decoded by
    // the expected version (open streams switch at the same moment: the silo shares one serving model per family).
    private static Task WaitUntilServingAsync(HttpClient http, string version) =>
        Eventually.TrueAsync(async () =>
        {
            var response = await http.PostAsync("/v1/recognize", new ByteArrayContent(File.ReadAllBytes(Speech.Wav("one", 16000))));
            return (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["model_version"] == version;
        }, TimeSpan.FromSeconds(20), $"requests were not decoded by version {version}");

    // The serving model again with another seed in its lineage: other bytes, so another version with the same accuracy.
    private async Task<string> RegisterVariantAsync(ModelVersion original, IReadOnlyList<string>? teachers = null)
    {
        var store = gateway.App.Services.GetRequiredService<IModelStore>();
        var artifact = ModelArtifact.Deserialize(await store.GetAsync(original.Id));
        var lineage = artifact.Metadata.Lineage with { Seed = Random.Shared.Next(1000, 1_000_000), Teachers = teachers ?? artifact.Metadata.Lineage.Teachers };
        var metadata = artifact.Metadata with { Lineage = lineage };
        var id = await store.PutAsync(ModelArtifact.Serialize(artifact.Model, metadata));
        await gateway.Grains.GetGrain<IModelRegistryGrain>("en-16k")
            .RegisterAsync(new ModelVersion(id, "en-16k", RegistryRecords.Lineage(metadata.Lineage), original.Metrics));
        return id;
    }
}
