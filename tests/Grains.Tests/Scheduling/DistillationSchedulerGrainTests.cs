using Xunit.Abstractions;

namespace AcousticDistill.Grains.Tests.Scheduling;

public sealed class DistillationSchedulerGrainTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Reminder_PeriodLowered_FiresAndPromotesBetterStudent()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(family);
        var weak = await fixture.ServeVersionAsync(family);
        var scheduler = fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family);

        await scheduler.ConfigureAsync(new DistillationSchedule(TimeSpan.FromSeconds(1), fixture.Request(family)));
        var serving = await Polling.UntilAsync(() => registry.GetServingAsync(), s => s!.Id != weak.Id,
            s => $"{s!.Id} still serves", TimeSpan.FromMinutes(2));
        await scheduler.StopAsync();

        Assert.NotEqual(weak.Id, serving!.Id);
        Assert.Equal("student", serving.Lineage.Role);
        var status = await scheduler.GetStatusAsync();
        Assert.Equal("reminder", status.LastTriggerReason);
        var job = await fixture.Grains.GetGrain<IDistillationJobGrain>(status.ActiveJobId!.Value).GetStatusAsync();
        output.WriteLine($"jobs started {status.JobsStarted}; first job: " +
                         string.Join(", ", job.Stages.Select(s => $"{s.Stage} {s.Seconds:F2} s")));
    }

    [Fact]
    public async Task Trigger_TwoConcurrent_RunOneJob()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var scheduler = fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family);
        await scheduler.ConfigureAsync(new DistillationSchedule(TimeSpan.FromHours(1), fixture.Request(family, epochs: 20)));

        var triggers = await Task.WhenAll(scheduler.TriggerAsync("new data"), scheduler.TriggerAsync("manual"));
        var status = await scheduler.GetStatusAsync();
        await JobPolling.FinishedAsync(fixture.Grains.GetGrain<IDistillationJobGrain>(triggers[0]));
        await scheduler.StopAsync();

        Assert.Equal(triggers[0], triggers[1]);
        Assert.Equal(1, status.JobsStarted);
        Assert.Equal(1, status.TriggersCoalesced);
    }

    [Fact]
    public async Task Trigger_AfterJobFinished_StartsNewJob()
    {
        await fixture.EnsureDistillationDataAsync();
        var family = ClusterFixture.NewFamily();
        var scheduler = fixture.Grains.GetGrain<IDistillationSchedulerGrain>(family);
        await scheduler.ConfigureAsync(new DistillationSchedule(TimeSpan.FromHours(1), fixture.Request(family)));

        var first = await scheduler.TriggerAsync("manual");
        await JobPolling.FinishedAsync(fixture.Grains.GetGrain<IDistillationJobGrain>(first));
        var second = await scheduler.TriggerAsync("manual");
        await JobPolling.FinishedAsync(fixture.Grains.GetGrain<IDistillationJobGrain>(second));
        await scheduler.StopAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await scheduler.GetStatusAsync()).JobsStarted);
    }

    [Fact]
    public async Task Trigger_WithoutSchedule_FailsClearly()
    {
        var scheduler = fixture.Grains.GetGrain<IDistillationSchedulerGrain>(ClusterFixture.NewFamily());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.TriggerAsync("manual"));

        Assert.Contains("no distillation schedule", error.Message);
    }
}
