using System.ComponentModel;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Models;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic distill</c>: one student from an ensemble's soft targets at temperature T (plus α × hard labels),
/// on the corpus's training split and optionally unlabelled audio. The student reads the teachers' input
/// (features, CMVN, context); its hidden layers are its own.
/// </summary>
internal sealed class DistillCommand : Command<DistillCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("--teachers <DIR>"), Description("Ensemble folder (from 'acoustic ensemble train').")]
        public string Teachers { get; init; } = "";

        [CommandOption("--corpus <DIR>"), Description("Corpus folder: its train split is the labelled transfer set, dev selects the student.")]
        public string Corpus { get; init; } = "";

        [CommandOption("--temperature <T>"), Description("Softmax temperature of the soft targets."), DefaultValue(2.0)]
        public double Temperature { get; init; } = 2.0;

        [CommandOption("--alpha <A>"), Description("Weight of the hard-label cross-entropy (0 = soft targets only)."), DefaultValue(0.5)]
        public double Alpha { get; init; } = 0.5;

        [CommandOption("--combine <HOW>"), Description("arithmetic or geometric mean of the teachers."), DefaultValue("arithmetic")]
        public string Combine { get; init; } = "arithmetic";

        [CommandOption("--transfer-audio <DIR>"), Description("Optional folder of unlabelled WAVs added to the transfer set (soft targets only).")]
        public string? TransferAudio { get; init; }

        [CommandOption("--cache <DIR>"), Description("Optional folder caching soft targets between runs.")]
        public string? Cache { get; init; }

        [CommandOption("--out <FILE>"), Description("Where to write the student artifact.")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Teachers) || string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("--teachers, --corpus and --out are required.");
            }
            if (!Enum.TryParse<EnsembleCombination>(Combine, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"--combine '{Combine}' is not one of: arithmetic, geometric.");
            }
            try
            {
                ToDistillationOptions().Validate();
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return base.Validate();
        }

        public DistillationOptions ToDistillationOptions() =>
            new(Temperature, Alpha, Enum.Parse<EnsembleCombination>(Combine, ignoreCase: true));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToDistillationOptions();
        using var teachers = EnsembleDirectory.Load(settings.Teachers);
        var features = teachers.Metadata.Features;
        var cmvn = new Acoustic.Features.Cmvn(teachers.Metadata.CmvnMean, teachers.Metadata.CmvnInvStd);
        var manifest = CorpusManifest.Load(settings.Corpus);
        var train = CorpusLoading.LoadSplit(settings.Corpus, manifest, CorpusSplit.Train, features, settings.Threads, cancellationToken: cancellationToken);
        if (settings.TransferAudio is not null)
        {
            var unlabelled = AudioFolderLoader.Load(settings.TransferAudio, features, settings.Threads, out var skipped, cancellationToken);
            foreach (var problem in skipped)
            {
                ConsoleProgress.Stderr.MarkupLineInterpolated($"[yellow]skipped[/] {problem}");
            }
            train = train.Concat(unlabelled);
        }
        var dev = manifest.InSplit(CorpusSplit.Dev).Any()
            ? CorpusLoading.LoadSplit(settings.Corpus, manifest, CorpusSplit.Dev, features, settings.Threads, cancellationToken: cancellationToken)
            : null;
        using var data = PreparedCorpus.Create(manifest.Name, train, dev, features, teachers.Members[0].Architecture.Context, cmvn);

        TorchRuntime.SetThreads(settings.Threads);
        var teacherHashes = EnsembleDirectory.MemberHashes(settings.Teachers);
        var cache = settings.Cache is null ? null : new SoftTargetCache(settings.Cache);
        var cacheKey = SoftTargetCache.Key([.. teacherHashes, manifest.Name, data.Train.Count, settings.TransferAudio ?? "", options.Temperature, options.Combination]);
        using var soft = ConsoleProgress.Run($"soft targets (T={options.Temperature})", data.Train.Count, report =>
            Distiller.TeacherTargets(teachers, data.Train, options, settings.Device, cache, cacheKey,
                (done, _) => report(done, null), cancellationToken));

        var objective = new DistillationObjective(soft, data.Train, options.Temperature, options.Alpha);
        var student = ModelTrainingRun.TrainOne(data, settings, settings.Seed, role: "student", cancellationToken, objective);
        var family = settings.Family ?? teachers.Metadata.Family;
        var lineage = new ModelLineage("student", teacherHashes, manifest.Name, options.Temperature, options.Alpha,
            settings.Seed, CodeVersion.Current, DateTimeOffset.UtcNow);
        ModelArtifact.Save(settings.Out, student.Model, ModelTrainingRun.Metadata(data, student, family, lineage));

        var result = new
        {
            model = settings.Out,
            sha256 = ModelArtifact.ContentHash(File.ReadAllBytes(settings.Out)),
            teachers = teacherHashes.Count,
            temperature = options.Temperature,
            alpha = options.Alpha,
            transfer_frames = data.Train.Count,
            parameters = student.Model.Architecture.ParameterCount,
            dev_frame_accuracy = student.Report.BestDevFrameAccuracy,
            frames_per_second = student.Report.FramesPerSecond,
            epochs = student.Report.Epochs,
        };
        JsonOutput.Print(settings.Json, result, () => AnsiConsole.MarkupLineInterpolated(
            $"Saved student [bold]{settings.Out}[/] ({student.Model.Architecture.ParameterCount:N0} parameters): dev frame accuracy [bold]{student.Report.BestDevFrameAccuracy:P2}[/], {student.Report.FramesPerSecond:N0} frames/s."));
        student.Model.Dispose();
        return 0;
    }
}
