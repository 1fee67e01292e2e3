namespace AcousticDistill.Gateway.Tests.Observability;

/// <summary>
/// Every metric the chart's Grafana dashboards query exists: after some traffic (one REST recognition, one WebSocket
/// stream, one failed request and one failed stream) the embedded Gateway's <c>/metrics</c> shows it, or, for the
/// series that only appear after a rare event, docs/metrics.md names it.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class DashboardMetricsTests(GatewayFixture gateway)
{
    /// <summary>
    /// Series that appear only after an event this test does not cause, checked against docs/metrics.md instead of a
    /// scrape. gateway_errors_total is not here: the test triggers it with a bad upload and a bad stream.
    /// </summary>
    private static readonly HashSet<string> s_eventOnly = new(StringComparer.Ordinal)
    {
        // Counted when a distillation job finishes (promoted, rejected, failed, cancelled): needs a schedule, a corpus and teachers.
        "distillation_jobs_total",
        // Recorded when a job stage completes.
        "distillation_stage_duration_seconds_sum",
        "distillation_stage_duration_seconds_count",
        "distillation_stage_duration_seconds_bucket",
        // Recorded when a student, teacher or specialist finishes training.
        "training_throughput_per_second_sum",
        "training_throughput_per_second_count",
        // Counted when a promotion swaps the model of an open session.
        "transcription_model_swaps_total",
        // Only while a version whose teachers are in the model store serves and live frames have been sampled.
        "transcription_ensemble_agreement",
    };

    private static readonly string[] s_histogramSuffixes = ["_bucket", "_sum", "_count"];

    [Fact]
    public void Dashboards_EachFile_IsADashboardWithQueries()
    {
        var files = DashboardQueries.Files();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.False(string.IsNullOrEmpty((string?)dashboard["uid"]), $"{file}: no uid");
            Assert.False(string.IsNullOrEmpty((string?)dashboard["title"]), $"{file}: no title");
            var panels = dashboard["panels"]!.AsArray().Select(p => p!).ToList();
            Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
            Assert.NotEmpty(DashboardQueries.Queries(dashboard));
        }
    }

    [Fact]
    public void MetricNames_PromQl_SkipsFunctionsLabelsDurationsAndVariables()
    {
        var names = DashboardQueries.MetricNames(
            """max by (family, version) (registry_frame_accuracy{role=~"student|baseline", family=~"$family"} """ +
            """* on (family, version) group_left () max by (family, version) (registry_serving)) """ +
            """/ histogram_quantile(0.95, sum by (le) (rate(gateway_partial_latency_seconds_bucket[$__rate_interval]))) """ +
            """and sum without (pod) (increase(distillation_jobs_total{outcome="promoted"}[1h] offset 5m)) > bool 0""");

        Assert.Equal(
            ["distillation_jobs_total", "gateway_partial_latency_seconds_bucket", "registry_frame_accuracy", "registry_serving"],
            names.ToArray());
        Assert.Equal(["registry_serving"], DashboardQueries.MetricNames("label_values(registry_serving, family)").ToArray());
    }

    [Fact]
    public async Task Dashboards_EveryQueriedMetric_IsExportedOrDocumentedAsEventOnly()
    {
        var queried = QueriedMetrics();
        Assert.Contains("gateway_errors_total", queried.Keys);

        await DriveTrafficAsync();
        var exported = await ScrapeUntilAsync(queried.Keys.Where(name => !s_eventOnly.Contains(name)).ToList());

        var documentation = File.ReadAllText(Path.Combine(DashboardQueries.RepositoryRoot(), "docs", "metrics.md"));
        var missing = new List<string>();
        foreach (var (name, dashboards) in queried)
        {
            var found = s_eventOnly.Contains(name)
                ? documentation.Contains($"`{BaseName(name)}`", StringComparison.Ordinal)
                : IsExported(name, exported);
            if (!found)
            {
                missing.Add($"{name} (in {string.Join(", ", dashboards)})");
            }
        }
        Assert.True(missing.Count == 0,
            "Dashboard queries use metrics that neither /metrics nor docs/metrics.md has:\n" + string.Join("\n", missing));
    }

    /// <summary>Metric name → the dashboards that query it.</summary>
    private static SortedDictionary<string, SortedSet<string>> QueriedMetrics()
    {
        var queried = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in DashboardQueries.Files())
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var name in DashboardQueries.Queries(dashboard).SelectMany(DashboardQueries.MetricNames))
            {
                if (!queried.TryGetValue(name, out var dashboards))
                {
                    queried[name] = dashboards = new SortedSet<string>(StringComparer.Ordinal);
                }
                dashboards.Add(Path.GetFileName(file));
            }
        }
        return queried;
    }

    /// <summary>One recognition over REST, one stream over the WebSocket, one bad upload and one bad stream.</summary>
    private async Task DriveTrafficAsync()
    {
        var wav = Speech.Wav("one two three", 16000);
        using var http = gateway.Http();
        using (var body = new ByteArrayContent(await File.ReadAllBytesAsync(wav)))
        {
            var response = await http.PostAsync("/v1/recognize", body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await using (var client = await VoskClient.ConnectAsync(gateway.StreamUri()))
        {
            await client.SendTextAsync("""{"config": {"sample_rate": 16000}}""");
            var replies = await client.TranscribeAsync(Speech.Pcm16(wav, 16000), 8000);
            Assert.Contains("text", replies[^1].Select(pair => pair.Key));
        }

        // gateway_errors_total: a body that is not WAV (bad_audio) and a stream whose first message is not JSON (bad_message).
        var refused = await http.PostAsync("/v1/recognize", new StringContent("not a wav file"));
        Assert.False(refused.IsSuccessStatusCode);
        await using (var client = await VoskClient.ConnectAsync(gateway.StreamUri()))
        {
            await client.SendTextAsync("not json");
            while (await client.ReceiveAsync() is not null)
            {
            }
        }
    }

    /// <summary>Series names on /metrics, scraped again until <paramref name="expected"/> are there or 15 s pass.</summary>
    private async Task<HashSet<string>> ScrapeUntilAsync(IReadOnlyCollection<string> expected)
    {
        using var http = gateway.Http();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var text = await http.GetStringAsync("/metrics");
            var names = text.Split('\n')
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => line[..line.IndexOfAny(['{', ' '])])
                .ToHashSet(StringComparer.Ordinal);
            if (expected.All(name => IsExported(name, names)) || DateTime.UtcNow > deadline)
            {
                return names;
            }
            await Task.Delay(500);
        }
    }

    private static bool IsExported(string name, HashSet<string> exported) =>
        exported.Contains(name)
        || s_histogramSuffixes.Any(suffix => exported.Contains(name + suffix))
        || exported.Contains(BaseName(name) + "_bucket");

    private static string BaseName(string name) =>
        s_histogramSuffixes.FirstOrDefault(suffix => name.EndsWith(suffix, StringComparison.Ordinal)) is { } suffix
            ? name[..^suffix.Length]
            : name;
}
