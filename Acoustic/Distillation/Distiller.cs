using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Knowledge distillation of an ensemble into one student: the ensemble's soft targets at temperature T over
/// the transfer set are computed once (optionally cached on disk), then the student trains on
/// <see cref="DistillationObjective"/> with the ordinary <see cref="FrameTrainer"/>, selected on dev frame accuracy.
/// </summary>
public static class Distiller
{
    /// <summary>The ensemble's log-probabilities at T for every frame of <paramref name="transfer"/>.</summary>
    public static Tensor TeacherTargets(Ensemble teachers, FrameDataset transfer, DistillationOptions options, string device,
        SoftTargetCache? cache = null, string? cacheKey = null, Action<long, long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        Tensor Compute()
        {
            var target = TorchRuntime.ParseDevice(device);
            teachers.Prepare(target);
            transfer.MoveTo(target);
            return SoftTargets.Compute(x => teachers.LogProbabilities(x, options.Temperature, options.Combination),
                transfer, teachers.Members[0].Architecture.Classes, progress: progress, cancellationToken: cancellationToken);
        }
        return cache is null || cacheKey is null
            ? Compute()
            : cache.GetOrCompute(cacheKey, transfer.Count, teachers.Members[0].Architecture.Classes, Compute);
    }

    /// <summary>Trains <paramref name="student"/> towards <paramref name="softLogProbs"/> (rows = frames of <paramref name="data"/>'s training set).</summary>
    public static TrainingReport TrainStudent(FrameClassifier student, PreparedCorpus data, Tensor softLogProbs,
        DistillationOptions options, TrainingOptions training, Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var objective = new DistillationObjective(softLogProbs, data.Train, options.Temperature, options.Alpha);
        return new FrameTrainer(training).Train(student, data.Train, objective, data.Dev, progress, cancellationToken);
    }
}
