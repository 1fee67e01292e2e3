using AcousticDistill.Acoustic.Models;
using AcousticDistill.Grains.Storage;
using Xunit.Abstractions;

namespace AcousticDistill.Gateway.Tests.Cluster;

/// <summary>
/// Fault tests on a Redis-backed cluster of separate processes on loopback (issue 6): a silo is SIGKILLed while
/// live streams run and a re-distillation job trains; Redis is restarted during operation.
/// </summary>
public sealed class MultiSiloFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SiloKilled_WhileStreamsRunAndAJobTrains_StreamsResumeJobCompletesNothingLostOrRepeated()
    {
        var data = await DistillationData.EnsureAsync();
        await using var cluster = await LoopbackCluster.StartAsync(silos: 2,
        [
            "--Schedules:0:Family=en-16k", "--Schedules:0:Period=01:00:00", $"--Schedules:0:Corpus={data.Corpus}",
            $"--Schedules:0:Teachers={data.Ensemble}", "--Schedules:0:Epochs=30", "--Schedules:0:HiddenLayers=2", "--Schedules:0:HiddenWidth=256",
            // Any candidate may serve: this test is about faults, the promotion guard has its own tests.
            "--Registry:PromotionTolerancePoints=100",
        ]);
        var utterances = ResilientStream.Utterances(16000, "one two three", "four five six", "seven eight nine", "zero one two");
        using var stopStreams = new CancellationTokenSource();
        var streams = Enumerable.Range(0, 4).Select(_ => new ResilientStream(cluster.Stream, utterances, 16000)).ToList();
        var running = streams.Select(s => Task.Run(() => s.RunAsync(stopStreams.Token))).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(streams.All(s => s.CompletedAt.Count > 0)), TimeSpan.FromMinutes(1),
            "not every stream completed an utterance before the job was triggered");

        using var http = new HttpClient { BaseAddress = cluster.Http, Timeout = TimeSpan.FromSeconds(10) };
        var trigger = await http.PostAsync("/v1/models/en-16k/distill", null);
        Assert.True(trigger.StatusCode == HttpStatusCode.Accepted, await trigger.Content.ReadAsStringAsync() + cluster.LogTail("gateway"));
        var jobId = (string)JsonNode.Parse(await trigger.Content.ReadAsStringAsync())!["job_id"]!;
        var training = await PollJobAsync(cluster, http, jobId, j => (string)j["next_stage"]! == "TrainStudent", TimeSpan.FromMinutes(2));
        var victimPort = SiloPort((string)training["silo"]!);
        var victim = cluster.Silos[victimPort];
        // Sessions go wherever placement puts them (away from the busy training silo, as often as not): see where they are.
        int victimSessions;
        await using (var inspector = await ClusterInspector.ConnectAsync(cluster))
        {
            var sessions = await inspector.SessionsPerSiloAsync();
            victimSessions = sessions.GetValueOrDefault(victimPort);
            output.WriteLine($"sessions per silo: {string.Join(", ", sessions.Select(p => $"{p.Key}: {p.Value}"))}; job on {victimPort}");
        }

        victim.Kill();
        var killedAt = DateTime.UtcNow;
        var resumed = await PollJobAsync(cluster, http, jobId, j => j["silo"] is { } s && SiloPort((string)s!) != victimPort, TimeSpan.FromMinutes(3));
        var jobBackAfter = DateTime.UtcNow - killedAt;
        var finished = await PollJobAsync(cluster, http, jobId, j => (string)j["outcome"]! != "Running", TimeSpan.FromMinutes(5));
        await WaitForUtterancesAfterAsync(streams, killedAt, TimeSpan.FromMinutes(2));
        await stopStreams.CancelAsync();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromMinutes(3)); // a stream finishes its utterance; one reply may take its 60 s timeout

        output.WriteLine($"job moved to a survivor {jobBackAfter.TotalSeconds:F1} s after the kill; outcome {finished["outcome"]}, resumes {finished["resumes"]}");
        foreach (var (stream, i) in streams.Select((s, i) => (s, i)))
        {
            var errors = string.Join(", ", stream.Errors.GroupBy(e => e).Select(g => $"{g.Key} × {g.Count()}"));
            output.WriteLine($"stream {i}: {stream.FinalsPerUtterance.Count} utterances, {stream.Connections} connections, errors [{errors}]" +
                (stream.RecoveredAt is { } at && stream.FailedAt is not null ? $", served again {(at - killedAt).TotalSeconds:F1} s after the kill" : ""));
        }
        Assert.Equal("Promoted", (string)finished["outcome"]!);
        Assert.True((int)finished["resumes"]! >= 1);
        foreach (var stream in streams)
        {
            // The last utterance may have been cut by the stop; every earlier one has exactly one final.
            Assert.All(stream.FinalsPerUtterance.SkipLast(1), finals => Assert.Single(finals));
            Assert.All(stream.Errors, e => Assert.True(e is "session_lost" or "unavailable" or "closed" || e.StartsWith("socket:", StringComparison.Ordinal) || e.StartsWith("connect:", StringComparison.Ordinal), e));
            // Every stream, whether its session died or not, went on to finish utterances after the kill.
            Assert.True(stream.CompletedAt.Count(t => t > killedAt) >= 1, $"a stream finished no utterance after the kill (errors: {string.Join(", ", stream.Errors)})");
        }
        if (victimSessions > 0)
        {
            Assert.Contains(streams, s => s.Errors.Count > 0); // the killed silo's sessions were cut (SiloHostingSessionsKilled_… always covers this)
        }
        await AssertRegistryConsistentAsync(cluster, (string)finished["candidate"]!);
    }

    [Fact]
    public async Task SiloHostingSessionsKilled_ItsStreamsAreToldAndContinueOnTheSurvivor()
    {
        await using var cluster = await LoopbackCluster.StartAsync(silos: 2, []);
        var utterances = ResilientStream.Utterances(16000, "one two three", "four five six");
        using var stopStreams = new CancellationTokenSource();
        var streams = Enumerable.Range(0, 4).Select(_ => new ResilientStream(cluster.Stream, utterances, 16000)).ToList();
        var running = streams.Select(s => Task.Run(() => s.RunAsync(stopStreams.Token))).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(streams.All(s => s.CompletedAt.Count > 0)), TimeSpan.FromMinutes(1),
            "not every stream completed an utterance");
        // The victim is the silo hosting the most sessions, so the kill always cuts live sessions.
        Dictionary<int, int> sessions;
        await using (var inspector = await ClusterInspector.ConnectAsync(cluster))
        {
            sessions = await inspector.SessionsPerSiloAsync();
        }
        var (victimPort, cut) = sessions.MaxBy(p => p.Value);
        output.WriteLine($"sessions per silo: {string.Join(", ", sessions.Select(p => $"{p.Key}: {p.Value}"))}; killing {victimPort}");

        cluster.Silos[victimPort].Kill();
        var killedAt = DateTime.UtcNow;
        await WaitForUtterancesAfterAsync(streams, killedAt, TimeSpan.FromMinutes(2));
        await stopStreams.CancelAsync();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromMinutes(3)); // a stream finishes its utterance; one reply may take its 60 s timeout

        Assert.InRange(cut, 1, streams.Count);
        // A stream whose session died is told so (session_lost, or unavailable while the cluster has not yet declared the
        // silo dead) and reconnects; other streams may be told too, when their calls needed a grain of the dead silo.
        Assert.True(streams.Count(s => s.Errors.Count > 0) >= cut,
            $"{cut} sessions lived on the killed silo, but only {streams.Count(s => s.Errors.Count > 0)} streams saw an error");
        foreach (var stream in streams)
        {
            Assert.All(stream.FinalsPerUtterance.SkipLast(1), finals => Assert.Single(finals));
            Assert.True(stream.CompletedAt.Count(t => t > killedAt) >= 1, $"a stream finished no utterance after the kill (errors: {string.Join(", ", stream.Errors)})");
        }
    }

    [Fact]
    public async Task Redis_RestartedDuringOperation_ClusterRecoversWithItsState()
    {
        await using var cluster = await LoopbackCluster.StartAsync(silos: 1, []);
        var before = await ServingAsync(cluster);
        var utterances = ResilientStream.Utterances(16000, "one two three", "four five six");
        using var stopStreams = new CancellationTokenSource();
        var stream = new ResilientStream(cluster.Stream, utterances, 16000);
        var running = Task.Run(() => stream.RunAsync(stopStreams.Token));
        await Eventually.TrueAsync(() => Task.FromResult(stream.CompletedAt.Count > 0), TimeSpan.FromMinutes(1),
            "the stream completed no utterance before the restart");

        var clock = Stopwatch.StartNew();
        await cluster.RestartRedisAsync();
        var recognized = await RecognizeUntilAsync(cluster, TimeSpan.FromMinutes(2));
        output.WriteLine($"Redis back in {clock.Elapsed.TotalSeconds:F1} s; first recognition after the restart at {recognized.TotalSeconds:F1} s");
        var completed = stream.CompletedAt.Count;
        await Eventually.TrueAsync(() => Task.FromResult(stream.CompletedAt.Count > completed), TimeSpan.FromMinutes(1),
            "the running stream completed no utterance after Redis came back");
        // A Gateway without audio code still names bad audio: the session's BadAudioException crosses the wire.
        using (var http = new HttpClient { BaseAddress = cluster.Http, Timeout = TimeSpan.FromSeconds(30) })
        {
            var bad = await http.PostAsync("/v1/recognize", new StringContent("garbage bytes"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
            Assert.Equal("bad_audio", (string?)problem["code"]);
            Assert.Contains("not a RIFF/WAVE file", (string?)problem["detail"], StringComparison.Ordinal);
        }
        await stopStreams.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(before, await ServingAsync(cluster));
        Assert.All(stream.FinalsPerUtterance.SkipLast(1), finals => Assert.Single(finals));
        var fresh = new ResilientStream(cluster.Stream, utterances, 16000);
        using var once = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await fresh.RunAsync(once.Token);
        Assert.Equal("one two three", Assert.Single(fresh.FinalsPerUtterance[0]));
    }

    private static async Task<JsonObject> PollJobAsync(LoopbackCluster cluster, HttpClient http, string jobId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        JsonObject? last = null;
        Exception? lastError = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                last = JsonNode.Parse(await http.GetStringAsync($"/v1/jobs/{jobId}"))!.AsObject();
                if (done(last))
                {
                    return last;
                }
                if ((string)last["outcome"]! is "Failed" or "Cancelled")
                {
                    throw new Xunit.Sdk.XunitException($"the job ended {last["outcome"]}: {last["message"]}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The job's silo is gone and the cluster has not noticed yet: ask again.
                lastError = ex;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"job {jobId} did not reach the expected state in {timeout}; last: {last?.ToJsonString()}; " +
            $"last error: {lastError?.Message}\n{cluster.LogTails(80)}");
    }

    // Streams run in real time; on a busy machine the survivors may need a while to finish an utterance after the kill.
    private static async Task WaitForUtterancesAfterAsync(IReadOnlyList<ResilientStream> streams, DateTime killedAt, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && streams.Any(s => s.CompletedAt.Count(t => t > killedAt) < 2))
        {
            await Task.Delay(250);
        }
    }

    // "S127.0.0.1:PORT:GENERATION" → PORT.
    private static int SiloPort(string silo) => int.Parse(silo.Split(':')[1]);

    private static async Task<string> ServingAsync(LoopbackCluster cluster) =>
        string.Join(",", (await cluster.GetJsonAsync("/v1/models", TimeSpan.FromSeconds(30)))["families"]!.AsArray().Select(f => (string?)f!["serving_version"]));

    private static async Task<TimeSpan> RecognizeUntilAsync(LoopbackCluster cluster, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var wav = File.ReadAllBytes(Fixtures.Speech.Wav("one two three", 16000));
        using var http = new HttpClient { BaseAddress = cluster.Http, Timeout = TimeSpan.FromSeconds(15) };
        while (clock.Elapsed < timeout)
        {
            try
            {
                var response = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav));
                if (response.IsSuccessStatusCode && (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]! == "one two three")
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("no recognition after the Redis restart: " + cluster.LogTail("gateway"));
    }

    // Every registered version's artifact is in the shared store, matches its hash and loads; one serving version per
    // family; the job's candidate was registered once.
    private static async Task AssertRegistryConsistentAsync(LoopbackCluster cluster, string candidate)
    {
        var store = new FileSystemModelStore(cluster.ModelStore);
        var families = (await cluster.GetJsonAsync("/v1/models", TimeSpan.FromSeconds(30)))["families"]!.AsArray();
        foreach (var family in families)
        {
            var versions = family!["versions"]!.AsArray().Select(v => v!.AsObject()).ToList();
            Assert.Single(versions, v => (string)v["status"]! == "serving");
            foreach (var version in versions)
            {
                var bytes = await store.GetAsync((string)version["id"]!);
                Assert.Equal((string)version["id"]!, ModelArtifact.ContentHash(bytes));
                Assert.NotNull(ModelArtifact.Deserialize(bytes).Metadata);
            }
        }
        var en16k = families.Single(f => (string)f!["family"]! == "en-16k")!;
        Assert.Single(en16k["versions"]!.AsArray(), v => (string)v!["id"]! == candidate);
        Assert.Equal(candidate, (string)en16k["serving_version"]!);
    }
}
