using System.Diagnostics;
using AcousticDistill.Acoustic.Specialists;
using static TorchSharp.torch;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// The distillation study (Hinton et al. 2015, §4 and §5 on our corpora): teachers and their ensemble, students
/// distilled over a grid of temperatures and hard-label weights, the 3%-of-data experiment, and specialists.
/// Every model is selected on dev; every reported accuracy is on the test split (held-out voices and texts).
/// </summary>
internal sealed class StudyRunner(StudyScale scale, StudyOptions options)
{
    private readonly List<StudyRow> _rows = [];

    public StudyReport Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var manifest = CorpusManifest.Load(options.Corpus);
        var features = CorpusPreparation.FeaturesFor(options.Corpus, bins: 40);
        var input = new CorpusPreparationOptions { CorpusDirectory = options.Corpus, Features = features, LoaderThreads = options.Threads };
        var train = UseCaseProgress.LoadSplit(input, CorpusSplit.Train, cancellationToken);
        if (train.AudioSeconds / 3600 < scale.MinimumTrainingHours)
        {
            throw new ArgumentException(
                $"Scale '{scale.Name}' needs at least {scale.MinimumTrainingHours} h of training speech; '{manifest.Name}' has {train.AudioSeconds / 3600:F2} h.");
        }
        var dev = UseCaseProgress.LoadSplit(input, CorpusSplit.Dev, cancellationToken);
        var test = UseCaseProgress.LoadSplit(input, CorpusSplit.Test, cancellationToken);
        using var data = PreparedCorpus.Create(manifest.Name, train, dev, features, input.Context);
        using var testSet = data.Prepare(test);
        var device = TorchRuntime.ParseDevice(options.Device);
        testSet.MoveTo(device);

        var teacherShape = Shape(scale.TeacherLayers, scale.TeacherWidth);
        using var ensemble = TrainTeachers(data, testSet, teacherShape, cancellationToken);
        var baseline = _rows[0];
        AddRow(_rows[0] with { Name = "hard100", Note = "the baseline: one teacher-size model, 100% of the data, hard labels" });
        var ensembleRow = ScoreEnsemble(ensemble, data, testSet);

        var smallShape = Shape(scale.SmallStudentLayers, scale.SmallStudentWidth);
        var smallBaseline = TrainHard(data, testSet, smallShape, seed: 200, "baseline-small", "hard labels, student size");
        var grid = DistillGrid(ensemble, data, testSet, [("distilled", teacherShape, 100), ("distilled-small", smallShape, 300)], cancellationToken);
        var best = Select(grid["distilled"]);
        var smallStudent = Select(grid["distilled-small"]);
        var (bestT, bestAlpha) = (best.Temperature!.Value, best.Alpha!.Value);

        var (hard3, soft3) = SmallData(ensemble, train, dev, data, testSet, teacherShape, bestT, cancellationToken);
        var (generalist, combined, fromSpecialists) = Specialists(ensemble, data, testSet, teacherShape, bestT, bestAlpha, cancellationToken);

        var figures = new Dictionary<string, double>
        {
            ["ensemble_gain_points"] = 100 * (ensembleRow.FrameAccuracy - baseline.FrameAccuracy),
            ["distilled_recovery_of_ensemble_gain"] = Recovery(best, baseline, ensembleRow),
            ["distilled_small_recovery_of_ensemble_gain"] = Recovery(smallStudent, baseline, ensembleRow),
            ["teacher_to_small_student_size_ratio"] = (double)baseline.Params / smallStudent.Params,
            ["soft3_minus_hard100_points"] = 100 * (soft3.FrameAccuracy - baseline.FrameAccuracy),
            ["soft3_minus_hard3_points"] = 100 * (soft3.FrameAccuracy - hard3.FrameAccuracy),
            ["distill_speed_ratio_small_student"] = smallStudent.TrainFramesPerSecond!.Value / smallBaseline.TrainFramesPerSecond!.Value,
            ["distill_speed_ratio_teacher_size"] = best.TrainFramesPerSecond!.Value / baseline.TrainFramesPerSecond!.Value,
            ["specialists_gain_points"] = 100 * (combined.FrameAccuracy - generalist.FrameAccuracy),
            ["specialists_gain_on_covered_points"] = 100 * (combined.CoveredFrameAccuracy!.Value - generalist.CoveredFrameAccuracy!.Value),
            ["distilled_from_specialists_minus_baseline_points"] = 100 * (fromSpecialists.FrameAccuracy - baseline.FrameAccuracy),
        };
        return new StudyReport(manifest.Name, scale.Name, scale.Members, train.AudioSeconds / 3600, data.Train.Count, data.Dev!.Count, testSet.Count,
            _rows, figures, clock.Elapsed.TotalSeconds);
    }

    private static double Recovery(StudyRow student, StudyRow baseline, StudyRow ensemble) =>
        (student.FrameAccuracy - baseline.FrameAccuracy) / (ensemble.FrameAccuracy - baseline.FrameAccuracy);

    private static NetworkShape Shape(int layers, int width) => new(layers, width, Dropout: 0.1);

    private static string Family(PreparedCorpus data) => ModelFamily.ForSampleRate((int)data.Features.SampleFrequency);

    private TrainingOptions Training(int seed, int epochs) => new()
    {
        Epochs = epochs, Seed = seed, Device = options.Device, LearningRate = options.LearningRate, BatchSize = options.Batch,
    };

    private Ensemble TrainTeachers(PreparedCorpus data, FrameDataset testSet, NetworkShape shape, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(options.Out, "ensemble");
        Directory.CreateDirectory(directory);
        var members = new List<FrameClassifier>();
        var files = new List<string>();
        ModelMetadata? first = null;
        for (var m = 0; m < scale.Members; m++)
        {
            var teacher = new TeacherTrainingOptions(shape, Training(1 + m, scale.TeacherEpochs), Family(data));
            var trained = UseCaseProgress.Train($"teacher {m + 1}/{scale.Members}", teacher.Training.Epochs,
                progress => TeacherTraining.Train(data, teacher, progress, cancellationToken));
            first ??= trained.Metadata;
            files.Add(EnsembleDirectory.MemberFileName(m));
            trained.Save(Path.Combine(directory, files[^1]));
            if (m == 0)
            {
                AddRow(Row("baseline", trained.Model, trained.Report, testSet) with { Note = "teacher 1 (hard labels); also the generalist" });
            }
            members.Add(trained.Model);
        }
        EnsembleDirectory.WriteIndex(directory, files);
        return new Ensemble(members, first!);
    }

    private StudyRow ScoreEnsemble(Ensemble ensemble, PreparedCorpus data, FrameDataset testSet)
    {
        var row = new StudyRow(
            $"ensemble",
            EnsembleScoring.Score(ensemble, testSet, EnsembleCombination.Arithmetic).FrameAccuracy,
            EnsembleScoring.Score(ensemble, data.Dev!, EnsembleCombination.Arithmetic).FrameAccuracy,
            ensemble.ParameterCount,
            ensemble.Members.Sum(m => m.Architecture.MacsPerFrame),
            Note: $"{ensemble.Members.Count} teachers, arithmetic mean of probabilities");
        AddRow(row);
        AddRow(row with
        {
            Name = "ensemble-geometric",
            FrameAccuracy = EnsembleScoring.Score(ensemble, testSet, EnsembleCombination.Geometric).FrameAccuracy,
            DevFrameAccuracy = EnsembleScoring.Score(ensemble, data.Dev!, EnsembleCombination.Geometric).FrameAccuracy,
            Note = $"{ensemble.Members.Count} teachers, geometric mean",
        });
        return row;
    }

    /// <summary>
    /// Students of each shape over the grid of temperatures and hard-label weights; the teachers' soft targets
    /// are computed once per temperature and shared by every student trained at it.
    /// </summary>
    private Dictionary<string, List<StudyRow>> DistillGrid(Ensemble ensemble, PreparedCorpus data, FrameDataset testSet,
        IReadOnlyList<(string Name, NetworkShape Shape, int Seed)> students, CancellationToken cancellationToken)
    {
        var rows = students.ToDictionary(s => s.Name, _ => new List<StudyRow>());
        foreach (var temperature in StudyScale.Temperatures)
        {
            using var soft = StudentDistillation.SoftTargets(ensemble, [], data, new DistillationOptions(temperature, 0), options.Device,
                cancellationToken: cancellationToken);
            foreach (var alpha in StudyScale.Alphas)
            {
                foreach (var (name, shape, seed) in students)
                {
                    rows[name].Add(TrainStudent(data, testSet, shape, soft, temperature, alpha, seed, name, cancellationToken));
                }
            }
        }
        return rows;
    }

    /// <summary>Marks and returns the row with the best dev accuracy (test accuracy plays no part in the choice).</summary>
    private StudyRow Select(IReadOnlyList<StudyRow> candidates)
    {
        var best = candidates.MaxBy(r => r.DevFrameAccuracy)! with { Selected = true };
        _rows[_rows.IndexOf(candidates.MaxBy(r => r.DevFrameAccuracy)!)] = best;
        return best;
    }

    private StudyRow TrainStudent(PreparedCorpus data, FrameDataset testSet, NetworkShape shape, Tensor soft, double temperature,
        double alpha, int seed, string name, CancellationToken cancellationToken, int? epochs = null)
    {
        var student = new StudentDistillationOptions(shape, Training(seed, epochs ?? scale.StudentEpochs),
            new DistillationOptions(temperature, alpha), Family(data));
        using var trained = UseCaseProgress.Train($"{name} T={temperature} α={alpha}", student.Training.Epochs,
            progress => StudentDistillation.Train(data, soft, [], student, progress, cancellationToken));
        return AddRow(Row(name, trained.Model, trained.Report, testSet) with { Temperature = temperature, Alpha = alpha });
    }

    private StudyRow TrainHard(PreparedCorpus data, FrameDataset testSet, NetworkShape shape, int seed, string name, string note,
        int? epochs = null)
    {
        var hard = new TeacherTrainingOptions(shape, Training(seed, epochs ?? scale.StudentEpochs), Family(data), Role: "baseline");
        using var trained = UseCaseProgress.Train(name, hard.Training.Epochs,
            progress => TeacherTraining.Train(data, hard, progress, CancellationToken.None));
        return AddRow(Row(name, trained.Model, trained.Report, testSet) with { Note = note });
    }

    /// <summary>The paper's Table 5: 3% of the training utterances, hard labels vs the full-data ensemble's soft targets.</summary>
    private (StudyRow Hard3, StudyRow Soft3) SmallData(Ensemble ensemble, SplitFeatures train, SplitFeatures dev, PreparedCorpus full,
        FrameDataset testSet, NetworkShape shape, double temperature, CancellationToken cancellationToken)
    {
        var random = new Random(3);
        var count = Math.Max(1, (int)Math.Round(train.Features.Count * StudyScale.SmallDataFraction));
        var chosen = Enumerable.Range(0, train.Features.Count).OrderBy(_ => random.Next()).Take(count).Order().ToArray();
        using var subset = PreparedCorpus.Create(full.Name + "-3pct", train.Take(chosen), dev, full.Features, full.Context, full.Cmvn);
        // As many minibatch updates as a full-data model gets (the dev-selected epoch guards against overfitting).
        var epochs = (int)Math.Clamp(Math.Round(scale.TeacherEpochs * (double)full.Train.Count / subset.Train.Count), 1, 200);
        var hard3 = TrainHard(subset, testSet, shape, seed: 400, "hard3",
            $"{count} utterances ({subset.Train.Count:N0} frames, {epochs} epochs), hard labels", epochs);
        using var soft = StudentDistillation.SoftTargets(ensemble, [], subset, new DistillationOptions(temperature, 0), options.Device,
            cancellationToken: cancellationToken);
        var soft3 = TrainStudent(subset, testSet, shape, soft, temperature, 0, seed: 400, "soft3", cancellationToken, epochs);
        _rows[_rows.IndexOf(soft3)] = soft3 with { Note = "same 3%, soft targets of the full-data ensemble only" };
        return (hard3, soft3);
    }

    /// <summary>
    /// §5 of the paper: specialists for clusters of confusable classes, initialised from the generalist (teacher 1),
    /// combined with it by KL minimisation; then, going past the paper, one student distilled from that combination.
    /// </summary>
    private (StudyRow Generalist, StudyRow Combined, StudyRow Student) Specialists(Ensemble ensemble, PreparedCorpus data,
        FrameDataset testSet, NetworkShape shape, double temperature, double alpha, CancellationToken cancellationToken)
    {
        var generalist = ensemble.Members[0];
        var clustering = new SpecialistClusteringOptions { Clusters = scale.Clusters };
        var clusters = ConsoleProgress.Run("cluster classes", 1, _ =>
            SpecialistTraining.Cluster(generalist, data, clustering, cancellationToken));
        var specialists = new List<Specialist>();
        for (var i = 0; i < clusters.Clusters.Count; i++)
        {
            var options = Training(500 + i, scale.StudentEpochs);
            var cluster = clusters.Clusters[i];
            var trained = UseCaseProgress.Train($"specialist {i + 1}/{clusters.Clusters.Count} ({cluster.Count} classes)", options.Epochs,
                progress => SpecialistTraining.Train(generalist, ensemble.Metadata, "teacher-1", data, cluster, options, otherRatio: 1.0,
                    progress, cancellationToken));
            specialists.Add(trained.Trained.Specialist);
        }
        try
        {
            // The set borrows the ensemble's first member as its generalist; only the specialists are disposed here.
            var set = new SpecialistSet(generalist, ensemble.Metadata, specialists);
            set.Prepare(testSet.Features.device);
            var scorer = set.Scorer();
            var covered = set.CoveredClasses;
            var note = $"{clusters.Clusters.Count} specialists covering {covered.Count} classes";
            var generalistRow = AddRow(Score("generalist", generalist.forward, generalist.Architecture, data, testSet, covered) with { Note = "teacher 1" });
            var combinedRow = AddRow(Score("generalist+specialists", scorer, generalist.Architecture, data, testSet, covered) with
            {
                Params = set.ParameterCount,
                InferenceMacsPerFrame = generalist.Architecture.MacsPerFrame + specialists.Sum(s => s.Model.Architecture.MacsPerFrame),
                Note = note + "; MACs count every specialist (an upper bound)",
            });

            using var soft = StudentDistillation.SoftTargets(set, data, new DistillationOptions(temperature, 0), options.Device,
                cancellationToken: cancellationToken);
            var student = TrainStudent(data, testSet, shape, soft, temperature, alpha, seed: 600, "distilled-from-specialists", cancellationToken);
            return (generalistRow, combinedRow, student);
        }
        finally
        {
            foreach (var specialist in specialists)
            {
                specialist.Model.Dispose();
            }
        }
    }

    private static StudyRow Score(string name, Func<Tensor, Tensor> scorer, MlpArchitecture architecture, PreparedCorpus data,
        FrameDataset testSet, IReadOnlySet<int> covered)
    {
        FrameAccuracyReport Report(FrameDataset set) => FrameAccuracyReport.FromPredictions(
            FramePredictor.PredictClasses(scorer, set), FramePredictor.LabelsOf(set), architecture.Classes);
        var test = Report(testSet);
        return new StudyRow(name, test.FrameAccuracy, Report(data.Dev!).FrameAccuracy, architecture.ParameterCount,
            architecture.MacsPerFrame, CoveredFrameAccuracy: test.AccuracyOn(covered));
    }

    private static StudyRow Row(string name, FrameClassifier model, TrainingReport report, FrameDataset testSet) => new(
        name,
        ModelScoring.Score(model, testSet).FrameAccuracy,
        report.BestDevFrameAccuracy,
        model.Architecture.ParameterCount,
        model.Architecture.MacsPerFrame,
        TrainFramesPerSecond: report.FramesPerSecond,
        TrainSeconds: report.Elapsed.TotalSeconds);

    private StudyRow AddRow(StudyRow row)
    {
        _rows.Add(row);
        options.OnRow?.Invoke(row);
        return row;
    }
}

/// <summary>Where the study reads and writes, and its compute budget.</summary>
internal sealed record StudyOptions(string Corpus, string Out, int Threads, string Device, double LearningRate, int Batch, Action<StudyRow>? OnRow);
