using System.Diagnostics;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// Runs or resumes a study in its directory: loads the corpora once, runs every seed's steps not yet finished, and writes
/// <c>study.json</c>, <c>summary.json</c> and <c>study.md</c> from all checkpoints. Each run's wall time, device and the
/// steps it finished are appended to <c>runs.jsonl</c>, including runs stopped by Ctrl+C.
/// </summary>
internal static class StudySession
{
    public static StudyReport Run(StudyDirectory study, StudyMachine machine, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stepsBefore = study.FinishedSteps();
        var started = DateTimeOffset.UtcNow;
        var outcome = "interrupted";
        try
        {
            using var data = StudyData.Load(study.Config, machine, cancellationToken);
            var bySeed = new SortedDictionary<int, IReadOnlyList<StudyRow>>();
            foreach (var seed in study.Config.Seeds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var runner = new StudyRunner(study, machine, data, seed);
                bySeed[seed] = runner.Run(cancellationToken);
            }
            var summary = StudySummary.Build(study.Config, data.TrainHours, bySeed, data.Sets.TestUtteranceFrames, StudyEvaluator.ReferenceWords(data.Sets));
            var report = new StudyReport(study.Config, data.TrainHours, data.Prepared.Train.Count, data.Prepared.Dev!.Count, data.Sets.Test.Count,
                bySeed.ToDictionary(s => s.Key, s => (IReadOnlyList<StudyRow>)s.Value.Select(r => r.WithoutUtterances()).ToArray()),
                summary, [.. study.Runs(), StudyDirectory.ToElement(RunRecord(machine, started, clock, stepsBefore, study, "finished"))]);
            outcome = "finished";
            study.WriteReport("study.json", StudyDirectory.Serialize(report));
            study.WriteReport("summary.json", StudyDirectory.Serialize(summary));
            study.WriteReport("study.md", report.Markdown());
            return report;
        }
        finally
        {
            study.LogRun(RunRecord(machine, started, clock, stepsBefore, study, outcome));
        }
    }

    private static object RunRecord(StudyMachine machine, DateTimeOffset started, Stopwatch clock, int stepsBefore, StudyDirectory study, string outcome) => new
    {
        started,
        wall_seconds = clock.Elapsed.TotalSeconds,
        device = machine.Device,
        threads = machine.Threads,
        host = Environment.MachineName,
        code_version = CodeVersion.Current,
        processors = Environment.ProcessorCount,
        steps_finished = study.FinishedSteps() - stepsBefore,
        outcome,
    };
}
