namespace AcousticDistill.Grains.Scheduling;

/// <summary>Persisted scheduler of one family: the schedule, the job that runs (at most one), and trigger counts.</summary>
[GenerateSerializer, Alias("AcousticDistill.DistillationSchedulerState")]
public sealed class DistillationSchedulerState
{
    /// <summary>Period and job settings; null until configured.</summary>
    [Id(0)]
    public DistillationSchedule? Schedule { get; set; }

    /// <summary>The job started last (running or finished).</summary>
    [Id(1)]
    public Guid? ActiveJobId { get; set; }

    /// <summary>Jobs started so far.</summary>
    [Id(2)]
    public int JobsStarted { get; set; }

    /// <summary>Triggers that found a job running and joined it.</summary>
    [Id(3)]
    public int TriggersCoalesced { get; set; }

    /// <summary>Why the last trigger came (reminder, new data, manual).</summary>
    [Id(4)]
    public string? LastTriggerReason { get; set; }

    /// <summary>When the last trigger came.</summary>
    [Id(5)]
    public DateTimeOffset? LastTriggered { get; set; }

    /// <summary>Corpus of the newest registered snapshot; overrides the schedule's corpus for later jobs.</summary>
    [Id(6)]
    public string? CorpusDirectory { get; set; }
}
