using AcousticDistill.Grains.Interfaces.Distillation;
using AcousticDistill.Grains.Interfaces.Training;

namespace AcousticDistill.Silo.Hosting;

/// <summary>At start-up, gives each configured family's scheduler grain its schedule (which registers its reminder).</summary>
public sealed class ScheduleRegistration(IGrainFactory grains, IConfiguration configuration, ILogger<ScheduleRegistration> logger)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var entries = configuration.GetSection("Schedules").Get<List<ScheduleEntry>>() ?? [];
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Family) || string.IsNullOrWhiteSpace(entry.Corpus)
                || (string.IsNullOrWhiteSpace(entry.Teachers) && entry.TeacherKeys.Count == 0 && entry.SpecialistKeys.Count == 0))
            {
                throw new InvalidOperationException("Every entry of Schedules needs Family, Corpus, and Teachers, TeacherKeys or SpecialistKeys.");
            }
            if (entry.TeacherKeys.Count > 0 && entry.SpecialistKeys.Count > 0)
            {
                throw new InvalidOperationException($"Schedule of {entry.Family}: give TeacherKeys or SpecialistKeys, not both.");
            }
            var student = TrainingHyperParameters.Student with
            {
                Epochs = entry.Epochs, HiddenLayers = entry.HiddenLayers, HiddenWidth = entry.HiddenWidth,
            };
            var job = new DistillationJobRequest(entry.Family, entry.Corpus, entry.Teachers, student, entry.Temperature, entry.Alpha,
                [.. entry.TeacherKeys], [.. entry.SpecialistKeys]);
            await grains.GetGrain<IDistillationSchedulerGrain>(entry.Family)
                .ConfigureAsync(new DistillationSchedule(entry.Period, job), cancellationToken);
            logger.LogInformation("Scheduled re-distillation of {Family} every {Period}", entry.Family, entry.Period);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
