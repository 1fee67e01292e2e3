// Measures one scheduled re-distillation in the real silo application (SiloApplication, as Program.cs runs it):
// wall time by stage, latency of registry calls made every 20 ms while the job runs, and the process RSS while idle
// and while training. Usage: silo-bench <corpus> <ensemble> <work-root> <result.json>
using System.Diagnostics;
using System.Text.Json;
using AcousticDistill.Bench.Silo;
using AcousticDistill.Grains.Interfaces.Distillation;
using AcousticDistill.Grains.Interfaces.Registry;
using AcousticDistill.Silo.Hosting;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: silo-bench <corpus> <ensemble> <work-root> <result.json>");
    return 2;
}
var (corpus, ensemble, root, resultPath) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), args[3]);
const string family = "bench-16k";
var period = TimeSpan.FromMinutes(1); // the in-memory reminder service's floor: the first tick comes one period after start
var probeInterval = TimeSpan.FromMilliseconds(20);

var app = SiloApplication.Create([
    "--Urls=http://127.0.0.1:18497",
    "--Logging:LogLevel:Default=Warning",
    "--Silo:SiloPort=21497",
    "--Silo:GatewayPort=31497",
    $"--ModelStore:Path={root}/store",
    $"--Compute:WorkDirectory={root}/work",
    $"--Schedules:0:Family={family}",
    $"--Schedules:0:Period={period}",
    $"--Schedules:0:Corpus={corpus}",
    $"--Schedules:0:Teachers={ensemble}",
    "--Schedules:0:Epochs=4",
    "--Schedules:0:HiddenLayers=2",
    "--Schedules:0:HiddenWidth=256",
]);
await app.StartAsync();
var clock = Stopwatch.StartNew();
var grains = app.Services.GetRequiredService<IGrainFactory>();
var registry = grains.GetGrain<IModelRegistryGrain>(family);
var scheduler = grains.GetGrain<IDistillationSchedulerGrain>(family);
var memory = new MemorySampler(TimeSpan.FromMilliseconds(250));
await registry.GetServingAsync(); // activate the registry so idle includes it

// Idle: the silo with its registry and scheduler active, waiting for the reminder's first tick.
Console.Error.WriteLine($"waiting for the reminder (period {period})…");
Guid? jobId = null;
while (jobId is null)
{
    memory.Stage = "Idle";
    await Task.Delay(200);
    jobId = (await scheduler.GetStatusAsync()).ActiveJobId;
    if (clock.Elapsed > period * 3)
    {
        throw new TimeoutException("The reminder did not start a job.");
    }
}
var triggeredAt = clock.Elapsed;
var job = grains.GetGrain<IDistillationJobGrain>(jobId.Value);
Console.Error.WriteLine($"job {jobId} started at {triggeredAt.TotalSeconds:F1} s");

// While the job runs: one registry call every 20 ms (timed), and the job's stage polled alongside.
var latencies = new List<(string Stage, double Milliseconds)>();
var stage = DistillationStage.CollectSoftTargets.ToString();
using var stop = new CancellationTokenSource();
var stagePoll = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        var status = await job.GetStatusAsync();
        stage = status.IsFinished ? "Finished" : status.NextStage.ToString();
        memory.Stage = stage;
        if (status.IsFinished)
        {
            await stop.CancelAsync();
        }
        await Task.Delay(100);
    }
});
var next = Stopwatch.StartNew();
while (!stop.IsCancellationRequested)
{
    var at = stage;
    var call = Stopwatch.StartNew();
    await registry.GetServingAsync();
    latencies.Add((at, call.Elapsed.TotalMilliseconds));
    var wait = probeInterval * latencies.Count - next.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}
await stagePoll;
var final = await job.GetStatusAsync();
await scheduler.StopAsync();
memory.Dispose();
await app.StopAsync();

var result = new
{
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
    corpus,
    ensemble,
    reminder_period_s = period.TotalSeconds,
    job = new
    {
        id = final.JobId,
        outcome = final.Outcome.ToString(),
        message = final.Message,
        dev_frame_accuracy = final.DevFrameAccuracy,
        stages_s = final.Stages.ToDictionary(s => s.Stage.ToString(), s => Math.Round(s.Seconds, 3)),
        total_stage_s = Math.Round(final.Stages.Sum(s => s.Seconds), 3),
    },
    registry_calls = new
    {
        call = "IModelRegistryGrain.GetServingAsync from the silo's own client, every 20 ms",
        all = LatencySummary.Of(latencies.Select(l => l.Milliseconds)),
        by_stage = latencies.GroupBy(l => l.Stage).ToDictionary(g => g.Key, g => LatencySummary.Of(g.Select(l => l.Milliseconds))),
    },
    rss_mib = memory.Summary(),
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultPath))!);
await File.WriteAllTextAsync(resultPath, json);
Console.WriteLine(json);
return final.Outcome == DistillationOutcome.Promoted ? 0 : 1;
