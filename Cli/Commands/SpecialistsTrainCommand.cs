using System.Diagnostics;
using AcousticDistill.Acoustic.Specialists;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic specialists train</c>: clusters the generalist's confusable classes, trains one specialist per cluster,
/// saves the set, and compares generalist with generalist + specialists on the dev split.
/// </summary>
internal sealed class SpecialistsTrainCommand : Command<SpecialistsTrainCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--generalist <FILE>"), Description("The generalist model artifact (its features and CMVN are reused).")]
        public string Generalist { get; init; } = "";

        [CommandOption("--out <DIR>"), Description("Folder for the specialist set (generalist copy, specialist-NN.adm, specialists.json).")]
        public string Out { get; init; } = "";

        [CommandOption("--clusters <K>"), Description("Number of class clusters, one specialist each."), DefaultValue(6)]
        public int Clusters { get; init; } = 6;

        [CommandOption("--top-n <N>"), Description("Specialists covering any of the generalist's N most probable classes are consulted."), DefaultValue(1)]
        public int TopN { get; init; } = 1;

        [CommandOption("--restarts <N>"), Description("k-means++ restarts (lowest inertia kept)."), DefaultValue(10)]
        public int Restarts { get; init; } = 10;

        [CommandOption("--include-silence"), Description("Let silence classes join clusters (by default no specialist covers silence).")]
        public bool IncludeSilence { get; init; }

        [CommandOption("--raw-covariance"), Description("Cluster the raw covariance columns instead of unit-length ones (frequent classes then tend to become singletons).")]
        public bool RawCovariance { get; init; }

        [CommandOption("--other-ratio <R>"), Description("Other-class frames sampled per special frame (the paper: 1, i.e. half and half)."), DefaultValue(1.0)]
        public double OtherRatio { get; init; } = 1.0;

        [CommandOption("--combine-steps <N>"), Description("Adam steps of the per-frame combination."), DefaultValue(40)]
        public int CombineSteps { get; init; } = 40;

        [CommandOption("--combine-lr <RATE>"), Description("Adam step size of the per-frame combination."), DefaultValue(0.1)]
        public double CombineLearningRate { get; init; } = 0.1;

        public SpecialistCombinerOptions CombinerOptions() => new() { TopN = TopN, Steps = CombineSteps, LearningRate = CombineLearningRate };

        public SpecialistClusteringOptions ClusteringOptions() => new()
        {
            Clusters = Clusters,
            ExcludedClasses = IncludeSilence
                ? new HashSet<int>()
                : Enumerable.Range(0, PhoneSet.StatesPerPhone).Select(s => PhoneSet.ClassOf(PhoneSet.IndexOf(PhoneSet.Silence), s)).ToHashSet(),
            KMeans = new KMeansOptions { Restarts = Restarts, Seed = Seed },
            UnitLengthColumns = !RawCovariance,
        };

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Generalist) || string.IsNullOrEmpty(Corpus) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("--generalist, --corpus and --out are required.");
            }
            if (!(OtherRatio > 0))
            {
                return ValidationResult.Error($"--other-ratio must be positive (got {OtherRatio}).");
            }
            try
            {
                ClusteringOptions().Validate(PhoneSet.ClassCount);
                CombinerOptions().Validate(PhoneSet.ClassCount);
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var generalistBytes = File.Exists(settings.Generalist)
            ? File.ReadAllBytes(settings.Generalist)
            : throw new ModelArtifactException($"Model file '{settings.Generalist}' does not exist.");
        var generalist = ModelArtifact.Deserialize(generalistBytes, settings.Generalist);
        if (generalist.Metadata.ClassMap is not null)
        {
            throw new ArgumentException($"'{settings.Generalist}' is a specialist, not a generalist.");
        }
        var classes = generalist.Model.Architecture.Classes;
        using var data = UseCaseProgress.Prepare(CorpusPreparationOptions.FedAs(generalist.Metadata, settings.Corpus) with
        {
            LoaderThreads = settings.Threads,
        }, cancellationToken);
        var dev = data.Dev ?? throw new InvalidDataException($"Corpus '{data.Name}' has no dev split to select and evaluate specialists on.");
        var clusters = ConsoleProgress.Run("cluster classes", 1, _ =>
            SpecialistTraining.Cluster(generalist.Model, data, settings.ClusteringOptions(), cancellationToken));

        var generalistHash = ModelArtifact.ContentHash(generalistBytes);
        var saved = new List<(FrameClassifier, ModelMetadata)>();
        var trainingSummaries = new List<object>();
        for (var i = 0; i < clusters.Clusters.Count; i++)
        {
            var options = settings.ToTrainingOptions(settings.Seed + i);
            var cluster = clusters.Clusters[i];
            var specialist = UseCaseProgress.Train($"specialist {i} ({cluster.Count} classes)", options.Epochs, progress =>
                SpecialistTraining.Train(generalist, generalistHash, data, cluster, options, settings.OtherRatio, progress, cancellationToken));
            var trained = specialist.Trained;
            saved.Add((specialist.Model, specialist.Metadata));
            trainingSummaries.Add(new
            {
                file = SpecialistDirectory.SpecialistFileName(i),
                classes = cluster.Select(PhoneSet.ClassName).ToArray(),
                special_frames = trained.Sample.SpecialFrames,
                sampled_other_frames = trained.Sample.SampledOtherFrames,
                dustbin_logit_correction = trained.Specialist.DustbinLogitCorrection,
                enriched_dev_frame_accuracy = trained.Report.BestDevFrameAccuracy,
                best_epoch = trained.Report.BestEpoch,
                seconds = trained.Report.Elapsed.TotalSeconds,
            });
        }
        SpecialistDirectory.Save(settings.Out, generalistBytes, saved);
        foreach (var (model, _) in saved)
        {
            model.Dispose();
        }
        generalist.Model.Dispose();

        // Evaluate what was written, loaded back as any other consumer would.
        using var set = SpecialistSet.Load(settings.Out);
        var device = TorchRuntime.ParseDevice(settings.Device);
        set.Prepare(device);
        dev.MoveTo(device);
        var labels = FramePredictor.LabelsOf(dev);
        var generalistPredictions = FramePredictor.PredictClasses(set.Generalist.forward, dev);
        var clock = Stopwatch.StartNew();
        var combinedPredictions = ConsoleProgress.Run("combine on dev", 1, _ => FramePredictor.PredictClasses(set.Scorer(settings.CombinerOptions()), dev));
        var combineSeconds = clock.Elapsed.TotalSeconds;
        var generalistReport = FrameAccuracyReport.FromPredictions(generalistPredictions, labels, classes);
        var combinedReport = FrameAccuracyReport.FromPredictions(combinedPredictions, labels, classes);
        var covered = set.CoveredClasses;

        var result = new
        {
            out_dir = settings.Out,
            generalist = settings.Generalist,
            generalist_sha256 = generalistHash,
            clusters = clusters.Clusters.Count,
            kmeans_inertia = clusters.Inertia,
            top_n = settings.TopN,
            dev_frames = dev.Count,
            covered_dev_frames = labels.LongCount(covered.Contains),
            changed_predictions = generalistPredictions.Zip(combinedPredictions).LongCount(p => p.First != p.Second),
            generalist_dev_frame_accuracy = generalistReport.FrameAccuracy,
            combined_dev_frame_accuracy = combinedReport.FrameAccuracy,
            generalist_covered_frame_accuracy = generalistReport.AccuracyOn(covered),
            combined_covered_frame_accuracy = combinedReport.AccuracyOn(covered),
            combine_frames_per_second = dev.Count / combineSeconds,
            parameters = set.ParameterCount,
            specialists = trainingSummaries.Select((s, i) => new
            {
                training = s,
                generalist_accuracy_on_cluster = generalistReport.AccuracyOn(clusters.Clusters[i].ToHashSet()),
                combined_accuracy_on_cluster = combinedReport.AccuracyOn(clusters.Clusters[i].ToHashSet()),
            }).ToArray(),
        };
        JsonOutput.Print(settings.Json, result, () =>
            AnsiConsole.MarkupLineInterpolated(
                $"Saved {clusters.Clusters.Count} specialists in [bold]{settings.Out}[/]. Dev frame accuracy: generalist [bold]{generalistReport.FrameAccuracy:P2}[/], with specialists [bold]{combinedReport.FrameAccuracy:P2}[/]; on covered classes {generalistReport.AccuracyOn(covered):P2} → {combinedReport.AccuracyOn(covered):P2}."));
        return 0;
    }
}
