using AcousticDistill.Acoustic.Specialists;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// One seed of the distillation study (Hinton et al. 2015, §4 and §5 on our corpora): teachers and their ensemble,
/// students distilled over a grid of temperatures and hard-label weights, the 3%-of-data experiment, and specialists.
/// Every step is a checkpoint of the <see cref="StudyDirectory"/>: a finished step's row is read back instead of being
/// recomputed, and the models later steps need (teachers, specialists) are read from disk, so a study killed anywhere
/// resumes where it stopped with the same results. Every model is selected on dev; every reported accuracy is on test.
/// </summary>
internal sealed class StudyRunner(StudyDirectory study, StudyMachine machine, StudyData data, int seed) : IDisposable
{
    private readonly StudyScale _scale = study.Config.Scale;
    private readonly List<StudyRow> _rows = [];
    private Ensemble? _ensemble;

    /// <summary>The seed's rows in report order, computing the steps not yet finished.</summary>
    public IReadOnlyList<StudyRow> Run(CancellationToken cancellationToken)
    {
        var teacherShape = Shape(_scale.TeacherLayers, _scale.TeacherWidth);
        _ensemble = Teachers(teacherShape, cancellationToken);
        var baseline = _rows[0];
        Add(baseline with { Name = "hard100", Note = "the baseline: one teacher-size model, 100% of the data, hard labels" });
        Ensembles();

        var smallShape = Shape(_scale.SmallStudentLayers, _scale.SmallStudentWidth);
        Step("baseline-small", () => TrainHard("baseline-small", data.Prepared, smallShape, ModelSeed(200), "hard labels, student size", cancellationToken));
        var grid = DistillGrid([("distilled", teacherShape, 100), ("distilled-small", smallShape, 300)], cancellationToken);
        var best = Select(grid["distilled"]);
        Select(grid["distilled-small"]);

        SmallData(teacherShape, best.Temperature!.Value, cancellationToken);
        Specialists(teacherShape, best.Temperature!.Value, best.Alpha!.Value, cancellationToken);
        return _rows;
    }

    private int ModelSeed(int baseSeed) => baseSeed + 1000 * (seed - 1);

    private static NetworkShape Shape(int layers, int width) => new(layers, width, Dropout: 0.1);

    private string Family => ModelFamily.ForSampleRate((int)data.Prepared.Features.SampleFrequency);

    private TrainingOptions Training(int modelSeed, int epochs) => new()
    {
        Epochs = epochs, Seed = modelSeed, Device = machine.Device, LearningRate = study.Config.LearningRate, BatchSize = study.Config.Batch,
    };

    /// <summary>The row of step <paramref name="key"/>: read back when finished, else computed and checkpointed.</summary>
    private StudyRow Step(string key, Func<StudyRow> compute)
    {
        var row = study.FinishedRow(seed, key) ?? study.Finish(seed, key, compute() with { Seed = seed, Device = machine.Device });
        return Add(row);
    }

    private StudyRow Add(StudyRow row)
    {
        _rows.Add(row);
        machine.OnRow?.Invoke(row);
        return row;
    }

    private StudyRow Evaluate(string name, Func<Tensor, Tensor> scorer, MlpArchitecture architecture) =>
        StudyEvaluator.Evaluate(name, scorer, architecture.Classes, architecture.ParameterCount, architecture.MacsPerFrame, data.Sets);

    private StudyRow Evaluate(string name, TrainedModel trained)
    {
        trained.Model.to(data.Sets.Test.Features.device);
        trained.Model.eval();
        return Evaluate(name, trained.Model.forward, trained.Model.Architecture) with
        {
            DevFrameAccuracy = trained.Report.BestDevFrameAccuracy,
            TrainFramesPerSecond = trained.Report.FramesPerSecond,
            TrainSeconds = trained.Report.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The N teachers, each trained once and kept on disk (model first, then its checkpoint, so a finished checkpoint
    /// always has its model); teacher 1 is the baseline row.
    /// </summary>
    private Ensemble Teachers(NetworkShape shape, CancellationToken cancellationToken)
    {
        var members = new List<FrameClassifier>();
        ModelMetadata? first = null;
        for (var m = 0; m < _scale.Members; m++)
        {
            var key = $"teacher-{m:D2}";
            var path = study.ModelPath(seed, key);
            if (study.FinishedRow(seed, key) is null || !File.Exists(path))
            {
                var options = new TeacherTrainingOptions(shape, Training(ModelSeed(1 + m), _scale.TeacherEpochs), Family);
                using var trained = UseCaseProgress.Train($"seed {seed}: teacher {m + 1}/{_scale.Members}", options.Training.Epochs,
                    progress => TeacherTraining.Train(data.Prepared, options, progress, cancellationToken));
                study.SaveModel(seed, key, trained.Serialize());
                var row = m == 0
                    ? Evaluate("baseline", trained) with { Note = "teacher 1 (hard labels); also the generalist" }
                    : new StudyRow(key, double.NaN, trained.Report.BestDevFrameAccuracy, trained.Model.Architecture.ParameterCount,
                        trained.Model.Architecture.MacsPerFrame, TrainFramesPerSecond: trained.Report.FramesPerSecond,
                        TrainSeconds: trained.Report.Elapsed.TotalSeconds);
                study.Finish(seed, key, row with { Seed = seed, Device = machine.Device });
            }
            if (m == 0)
            {
                Add(study.FinishedRow(seed, key)!);
            }
            var artifact = ModelArtifact.Load(path);
            first ??= artifact.Metadata;
            members.Add(artifact.Model);
        }
        var ensemble = new Ensemble(members, first!);
        ensemble.Prepare(data.Sets.Test.Features.device);
        return ensemble;
    }

    private void Ensembles()
    {
        var ensemble = _ensemble!;
        var architecture = ensemble.Members[0].Architecture;
        var macs = ensemble.Members.Sum(m => m.Architecture.MacsPerFrame);
        foreach (var (key, combination) in new[] { ("ensemble", EnsembleCombination.Arithmetic), ("ensemble-geometric", EnsembleCombination.Geometric) })
        {
            Step(key, () => Evaluate(key, x => ensemble.LogProbabilities(x, 1.0, combination), architecture) with
            {
                Params = ensemble.ParameterCount,
                InferenceMacsPerFrame = macs,
                Note = $"{ensemble.Members.Count} teachers, {(combination == EnsembleCombination.Arithmetic ? "arithmetic" : "geometric")} mean of probabilities",
            });
        }
    }

    /// <summary>
    /// Students of each shape over the grid of temperatures and hard-label weights; the teachers' soft targets are
    /// computed once per temperature, and only when a student at that temperature is still to be trained.
    /// </summary>
    private Dictionary<string, List<StudyRow>> DistillGrid(IReadOnlyList<(string Name, NetworkShape Shape, int Seed)> students,
        CancellationToken cancellationToken)
    {
        var rows = students.ToDictionary(s => s.Name, _ => new List<StudyRow>());
        foreach (var temperature in _scale.Temperatures)
        {
            Tensor? soft = null;
            try
            {
                foreach (var alpha in _scale.Alphas)
                {
                    foreach (var (name, shape, baseSeed) in students)
                    {
                        var key = $"{name}-T{temperature}-a{alpha}";
                        rows[name].Add(Step(key, () =>
                        {
                            soft ??= StudentDistillation.SoftTargets(_ensemble!, [], data.Prepared, new DistillationOptions(temperature, 0),
                                machine.Device, cancellationToken: cancellationToken);
                            return TrainStudent(key, data.Prepared, shape, soft, temperature, alpha, ModelSeed(baseSeed), name, cancellationToken);
                        }));
                    }
                }
            }
            finally
            {
                soft?.Dispose();
            }
        }
        return rows;
    }

    /// <summary>Marks and returns the row with the best dev accuracy (test accuracy plays no part in the choice).</summary>
    private StudyRow Select(IReadOnlyList<StudyRow> candidates)
    {
        var chosen = candidates.MaxBy(r => r.DevFrameAccuracy)!;
        var selected = chosen with { Selected = true };
        _rows[_rows.IndexOf(chosen)] = selected;
        return selected;
    }

    private StudyRow TrainStudent(string key, PreparedCorpus corpus, NetworkShape shape, Tensor soft, double temperature, double alpha,
        int modelSeed, string name, CancellationToken cancellationToken, int? epochs = null)
    {
        var options = new StudentDistillationOptions(shape, Training(modelSeed, epochs ?? _scale.StudentEpochs),
            new DistillationOptions(temperature, alpha), Family);
        using var trained = UseCaseProgress.Train($"seed {seed}: {name} T={temperature} α={alpha}", options.Training.Epochs,
            progress => StudentDistillation.Train(corpus, soft, [], options, progress, cancellationToken));
        study.SaveModel(seed, key, trained.Serialize());
        return Evaluate(name, trained) with { Temperature = temperature, Alpha = alpha };
    }

    private StudyRow TrainHard(string name, PreparedCorpus corpus, NetworkShape shape, int modelSeed, string note,
        CancellationToken cancellationToken, int? epochs = null)
    {
        var options = new TeacherTrainingOptions(shape, Training(modelSeed, epochs ?? _scale.StudentEpochs), Family, Role: "baseline");
        using var trained = UseCaseProgress.Train($"seed {seed}: {name}", options.Training.Epochs,
            progress => TeacherTraining.Train(corpus, options, progress, cancellationToken));
        study.SaveModel(seed, name, trained.Serialize());
        return Evaluate(name, trained) with { Note = note };
    }

    /// <summary>
    /// The paper's Table 5: 3% of the training utterances (a different draw for every seed), hard labels vs the
    /// full-data ensemble's soft targets.
    /// </summary>
    private void SmallData(NetworkShape shape, double temperature, CancellationToken cancellationToken)
    {
        if (study.FinishedRow(seed, "hard3") is { } hardDone && study.FinishedRow(seed, "soft3") is { } softDone)
        {
            Add(hardDone);
            Add(softDone);
            return;
        }
        var random = new Random(3 + 1000 * (seed - 1));
        var train = data.Train;
        var count = Math.Max(1, (int)Math.Round(train.Features.Count * StudyScale.SmallDataFraction));
        var chosen = Enumerable.Range(0, train.Features.Count).OrderBy(_ => random.Next()).Take(count).Order().ToArray();
        var full = data.Prepared;
        using var subset = PreparedCorpus.Create(full.Name + "-3pct", train.Take(chosen), data.Dev, full.Features, full.Context, full.Cmvn);
        // As many minibatch updates as a full-data model gets (the dev-selected epoch guards against overfitting).
        var epochs = (int)Math.Clamp(Math.Round(_scale.TeacherEpochs * (double)full.Train.Count / subset.Train.Count), 1, 200);
        Step("hard3", () => TrainHard("hard3", subset, shape, ModelSeed(400),
            $"{count} utterances ({subset.Train.Count:N0} frames, {epochs} epochs), hard labels", cancellationToken, epochs));
        Step("soft3", () =>
        {
            using var soft = StudentDistillation.SoftTargets(_ensemble!, [], subset, new DistillationOptions(temperature, 0), machine.Device,
                cancellationToken: cancellationToken);
            return TrainStudent("soft3", subset, shape, soft, temperature, 0, ModelSeed(400), "soft3", cancellationToken, epochs) with
            {
                Note = "same 3%, soft targets of the full-data ensemble only",
            };
        });
    }

    /// <summary>
    /// §5 of the paper: specialists for clusters of confusable classes, initialised from the generalist (teacher 1),
    /// combined with it by KL minimisation; then, going past the paper, one student distilled from that combination.
    /// Each specialist is kept on disk as it finishes.
    /// </summary>
    private void Specialists(NetworkShape shape, double temperature, double alpha, CancellationToken cancellationToken)
    {
        string[] keys = ["generalist", "generalist+specialists", "distilled-from-specialists"];
        if (keys.All(k => study.FinishedRow(seed, k) is not null))
        {
            foreach (var key in keys)
            {
                Add(study.FinishedRow(seed, key)!);
            }
            return;
        }
        var generalist = _ensemble!.Members[0];
        // Classes no dev frame is labelled with are left out too: a specialist is selected on the dev frames of its classes.
        var clustering = new SpecialistClusteringOptions { Clusters = _scale.Clusters };
        clustering.ExcludedClasses = clustering.ExcludedClasses.Union(ClassesWithoutFrames(data.Prepared.Dev!)).ToHashSet();
        var clusters = ConsoleProgress.Run($"seed {seed}: cluster classes", 1, _ =>
            SpecialistTraining.Cluster(generalist, data.Prepared, clustering, cancellationToken));
        var specialists = new List<Specialist>();
        try
        {
            for (var i = 0; i < clusters.Clusters.Count; i++)
            {
                specialists.Add(Specialist(generalist, clusters.Clusters[i], i, clusters.Clusters.Count, cancellationToken));
            }
            // The set borrows the ensemble's first member as its generalist; only the specialists are disposed here.
            var set = new SpecialistSet(generalist, _ensemble.Metadata, specialists);
            set.Prepare(data.Sets.Test.Features.device);
            var scorer = set.Scorer();
            var covered = set.CoveredClasses;
            var architecture = generalist.Architecture;
            Step("generalist", () => Evaluate("generalist", generalist.forward, architecture) with
            {
                CoveredFrameAccuracy = CoveredAccuracy(generalist.forward, covered),
                Note = "teacher 1",
            });
            Step("generalist+specialists", () => Evaluate("generalist+specialists", scorer, architecture) with
            {
                CoveredFrameAccuracy = CoveredAccuracy(scorer, covered),
                Params = set.ParameterCount,
                InferenceMacsPerFrame = architecture.MacsPerFrame + specialists.Sum(s => s.Model.Architecture.MacsPerFrame),
                Note = $"{clusters.Clusters.Count} specialists covering {covered.Count} classes; MACs count every specialist (an upper bound)",
            });
            Step("distilled-from-specialists", () =>
            {
                using var soft = StudentDistillation.SoftTargets(set, data.Prepared, new DistillationOptions(temperature, 0), machine.Device,
                    cancellationToken: cancellationToken);
                return TrainStudent("distilled-from-specialists", data.Prepared, shape, soft, temperature, alpha, ModelSeed(600), "distilled-from-specialists", cancellationToken);
            });
        }
        finally
        {
            foreach (var specialist in specialists)
            {
                specialist.Dispose();
            }
        }
    }

    private Specialist Specialist(FrameClassifier generalist, IReadOnlyList<int> cluster, int index, int count, CancellationToken cancellationToken)
    {
        var key = $"specialist-{index:D2}";
        var path = study.ModelPath(seed, key);
        if (study.FinishedRow(seed, key) is null || !File.Exists(path))
        {
            var options = Training(ModelSeed(500 + index), _scale.StudentEpochs);
            using var trained = UseCaseProgress.Train($"seed {seed}: specialist {index + 1}/{count} ({cluster.Count} classes)", options.Epochs,
                progress => SpecialistTraining.Train(generalist, _ensemble!.Metadata, "teacher-1", data.Prepared, cluster, options, otherRatio: 1.0,
                    progress, cancellationToken));
            study.SaveModel(seed, key, trained.Serialize());
            var report = trained.Trained.Report;
            study.Finish(seed, key, new StudyRow(key, double.NaN, report.BestDevFrameAccuracy, trained.Model.Architecture.ParameterCount,
                trained.Model.Architecture.MacsPerFrame, TrainFramesPerSecond: report.FramesPerSecond, TrainSeconds: report.Elapsed.TotalSeconds,
                Note: $"{cluster.Count} classes", Seed: seed, Device: machine.Device));
        }
        var specialist = Acoustic.Specialists.Specialist.FromArtifact(ModelArtifact.Load(path), key);
        specialist.Model.to(data.Sets.Test.Features.device);
        specialist.Model.eval();
        return specialist;
    }

    private static HashSet<int> ClassesWithoutFrames(FrameDataset split)
    {
        var seen = FramePredictor.LabelsOf(split).ToHashSet();
        return Enumerable.Range(0, PhoneSet.ClassCount).Where(c => !seen.Contains(c)).ToHashSet();
    }

    private double CoveredAccuracy(Func<Tensor, Tensor> scorer, IReadOnlySet<int> covered) =>
        FrameAccuracyReport.FromPredictions(FramePredictor.PredictClasses(scorer, data.Sets.Test), FramePredictor.LabelsOf(data.Sets.Test),
            _ensemble!.Members[0].Architecture.Classes).AccuracyOn(covered);

    public void Dispose() => _ensemble?.Dispose();
}
