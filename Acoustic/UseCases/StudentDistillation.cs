using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Specialists;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.UseCases;

/// <summary>How one student is distilled: its shape, training settings (seed included), T and α, and its family.</summary>
/// <param name="Shape">The student's hidden layers, width and dropout (its input is the teachers').</param>
/// <param name="Training">Optimiser, schedule, epochs, seed, device.</param>
/// <param name="Distillation">Temperature, hard-label weight and how the teachers are combined.</param>
/// <param name="Family">Model family recorded in the artifact.</param>
public sealed record StudentDistillationOptions(NetworkShape Shape, TrainingOptions Training, DistillationOptions Distillation, string Family);

/// <summary>Soft-target progress: transfer frames done out of all.</summary>
public sealed record SoftTargetProgress(long Done, long Total);

/// <summary>
/// Distils an ensemble into one student (Hinton, Vinyals and Dean 2015): the corpus fed exactly as the teachers were fed
/// (<see cref="TeacherInput"/>), the teachers' soft targets at temperature T computed once (an ensemble's, optionally
/// cached on disk, or a generalist refined by its specialists), then a new network trained on T²·KL + α·CE (<see cref="Train"/>). The CLI's
/// <c>distill</c>, the distillation job's stages and the study all run these steps.
/// </summary>
public static class StudentDistillation
{
    /// <summary>Preparation options that feed <paramref name="corpusDirectory"/> to a student as its teachers were fed.</summary>
    public static CorpusPreparationOptions TeacherInput(Ensemble teachers, string corpusDirectory) =>
        CorpusPreparationOptions.FedAs(teachers.Metadata, corpusDirectory);

    /// <summary>
    /// The ensemble's log-probabilities at T for every training frame of <paramref name="data"/>, from
    /// <paramref name="cache"/> when it holds them for these teachers, data and settings.
    /// </summary>
    public static Tensor SoftTargets(Ensemble teachers, IReadOnlyList<string> teacherHashes, PreparedCorpus data,
        DistillationOptions options, string device, SoftTargetCache? cache = null, IProgress<SoftTargetProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var key = SoftTargetCache.Key([.. teacherHashes, data.Name, data.Train.Count, options.Temperature, options.Combination]);
        return Distiller.TeacherTargets(teachers, data.Train, options, device, cache, key,
            progress is null ? null : (done, total) => progress.Report(new SoftTargetProgress(done, total)), cancellationToken);
    }

    /// <summary>
    /// The log-probabilities at T of a generalist refined by its specialists (Hinton et al. 2015, §5: the combination
    /// <see cref="SpecialistSet.Scorer"/> makes, softened by dividing it by T and renormalising) for every training frame of
    /// <paramref name="data"/>, which must be fed as the generalist was fed.
    /// </summary>
    public static Tensor SoftTargets(SpecialistSet teachers, PreparedCorpus data, DistillationOptions options, string device,
        IProgress<SoftTargetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var target = TorchRuntime.ParseDevice(device);
        teachers.Prepare(target);
        data.Train.MoveTo(target);
        var scorer = teachers.Scorer();
        return Distillation.SoftTargets.Compute(x => log_softmax(scorer(x) / options.Temperature, 1), data.Train, teachers.Classes,
            progress: progress is null ? null : (done, total) => progress.Report(new SoftTargetProgress(done, total)),
            cancellationToken: cancellationToken);
    }

    /// <summary>Trains a new student towards <paramref name="softTargets"/> (rows = training frames of <paramref name="data"/>).</summary>
    public static TrainedModel Train(PreparedCorpus data, Tensor softTargets, IReadOnlyList<string> teacherHashes,
        StudentDistillationOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var distillation = options.Distillation;
        distillation.Validate();
        var objective = new DistillationObjective(softTargets, data.Train, distillation.Temperature, distillation.Alpha);
        var lineage = new ModelLineage("student", [.. teacherHashes], data.Name, distillation.Temperature, distillation.Alpha,
            options.Training.Seed, CodeVersion.Current, DateTimeOffset.UtcNow);
        return NetworkTraining.Train(data, options.Shape.For(data), options.Training, options.Family, lineage, objective, progress,
            cancellationToken);
    }
}
