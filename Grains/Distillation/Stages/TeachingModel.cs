using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Specialists;
using static TorchSharp.torch;

namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>
/// A job's teachers loaded for work (blocking; run through the compute budget), whichever way they combine: how the corpus
/// is fed to them, their soft targets, and their dev frame accuracy — each through the library's use cases.
/// </summary>
internal abstract class TeachingModel : IDisposable
{
    /// <summary>Features, CMVN and labels the teachers share (the corpus is fed to the student as to them).</summary>
    public abstract ModelMetadata Metadata { get; }

    /// <summary>Output classes of the combination.</summary>
    public abstract int Classes { get; }

    /// <summary>Loads the teachers of <paramref name="folder"/>.</summary>
    public static TeachingModel Load(TeacherFolder folder) => folder.Kind == TeacherFolderKind.Ensemble
        ? new EnsembleTeachers(EnsembleDirectory.Load(folder.Directory))
        : new SpecialistTeachers(SpecialistSet.Load(folder.Directory));

    /// <summary>Log-probabilities at T for every training frame of <paramref name="data"/> (CPU, float32).</summary>
    public abstract Tensor SoftTargets(PreparedCorpus data, DistillationOptions options, string device, CancellationToken cancellationToken);

    /// <summary>Frame accuracy (0–1) of the combination at T = 1 on <paramref name="dev"/>, prepared as <see cref="Metadata"/> says.</summary>
    public abstract double FrameAccuracy(FrameDataset dev);

    /// <inheritdoc />
    public abstract void Dispose();

    // Members averaged in probability, as the CLI's distill and eval combine an ensemble.
    private sealed class EnsembleTeachers(Ensemble ensemble) : TeachingModel
    {
        public override ModelMetadata Metadata => ensemble.Metadata;

        public override int Classes => ensemble.Members[0].Architecture.Classes;

        public override Tensor SoftTargets(PreparedCorpus data, DistillationOptions options, string device, CancellationToken cancellationToken) =>
            StudentDistillation.SoftTargets(ensemble, [], data, options, device, cancellationToken: cancellationToken);

        public override double FrameAccuracy(FrameDataset dev) => EnsembleScoring.Score(ensemble, dev, EnsembleCombination.Arithmetic).FrameAccuracy;

        public override void Dispose() => ensemble.Dispose();
    }

    // The generalist's distribution refined by the specialists whose clusters hold its top classes.
    private sealed class SpecialistTeachers(SpecialistSet set) : TeachingModel
    {
        public override ModelMetadata Metadata => set.Metadata;

        public override int Classes => set.Classes;

        public override Tensor SoftTargets(PreparedCorpus data, DistillationOptions options, string device, CancellationToken cancellationToken) =>
            StudentDistillation.SoftTargets(set, data, options, device, cancellationToken: cancellationToken);

        public override double FrameAccuracy(FrameDataset dev) => EnsembleScoring.Score(set, dev).FrameAccuracy;

        public override void Dispose() => set.Dispose();
    }
}
