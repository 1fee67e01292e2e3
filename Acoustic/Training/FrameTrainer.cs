using System.Diagnostics;
using AcousticDistill.Acoustic.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Minibatch training of a <see cref="FrameClassifier"/> towards any <see cref="ITrainingObjective"/>
/// (hard labels or distillation targets), with dev-set model selection and a learning-rate schedule.
/// Each batch runs inside its own dispose scope so native memory stays flat.
/// </summary>
public sealed class FrameTrainer(TrainingOptions options)
{
    /// <summary>Trains <paramref name="model"/> in place; leaves it holding the weights of the best dev epoch.</summary>
    public TrainingReport Train(
        FrameClassifier model,
        FrameDataset train,
        ITrainingObjective objective,
        FrameDataset? dev,
        Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (options.Schedule == "plateau" && dev is null)
        {
            throw new ArgumentException("The plateau schedule needs a dev set; use --schedule constant or cosine.");
        }
        var device = TorchRuntime.ParseDevice(options.Device);
        model.to(device);
        train.MoveTo(device);
        dev?.MoveTo(device);

        using var optimizer = CreateOptimizer(model);
        // Shuffling draws on the CPU (one small permutation per epoch) so a run is the same on every device. Dropout
        // draws from this run's own generator too, never torch's global one, so concurrent runs cannot disturb each other.
        using var generator = new Generator((ulong)options.Seed, CPU);
        using var dropoutGenerator = new Generator((ulong)options.Seed, device);
        model.UseDropoutGenerator(dropoutGenerator);
        try
        {
            return Run(model, train, objective, dev, optimizer, generator, progress, cancellationToken);
        }
        finally
        {
            model.UseDropoutGenerator(null);
        }
    }

    private TrainingReport Run(FrameClassifier model, FrameDataset train, ITrainingObjective objective, FrameDataset? dev,
        optim.Optimizer optimizer, Generator generator, Action<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var epochs = new List<EpochSummary>();
        var learningRate = options.LearningRate;
        var best = (Epoch: 0, Accuracy: double.NegativeInfinity, State: (Dictionary<string, Tensor>?)null);
        var total = Stopwatch.StartNew();
        long framesTrained = 0;
        var trainingSeconds = 0.0;

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (options.Schedule == "cosine")
            {
                learningRate = options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / options.Epochs));
            }
            SetLearningRate(optimizer, learningRate);
            var epochClock = Stopwatch.StartNew();
            var meanLoss = RunEpoch(model, train, objective, optimizer, generator, epoch, progress, cancellationToken);
            framesTrained += train.Count;
            trainingSeconds += epochClock.Elapsed.TotalSeconds;
            var framesPerSecond = train.Count / epochClock.Elapsed.TotalSeconds;

            var devAccuracy = dev is null ? double.NaN : Evaluate(model, dev);
            epochs.Add(new EpochSummary(epoch, meanLoss, devAccuracy, learningRate, framesPerSecond));

            if (dev is null || devAccuracy > best.Accuracy)
            {
                var gain = devAccuracy - best.Accuracy;
                DisposeState(best.State);
                best = (epoch, dev is null ? double.NaN : devAccuracy, dev is null ? null : CopyState(model));
                if (options.Schedule == "plateau" && gain < options.PlateauMinGain && epoch > 1)
                {
                    learningRate /= 2;
                }
            }
            else if (options.Schedule == "plateau")
            {
                // Newbob: a worse epoch is undone and the step size halved.
                RestoreState(model, best.State!);
                learningRate /= 2;
            }
        }

        if (best.State is not null)
        {
            RestoreState(model, best.State);
            DisposeState(best.State);
        }
        model.eval();
        return new TrainingReport(epochs, best.Epoch, best.Accuracy, framesTrained / trainingSeconds, total.Elapsed);
    }

    /// <summary>Frame accuracy of <paramref name="model"/> on a labelled dataset.</summary>
    public static double Evaluate(FrameClassifier model, FrameDataset data)
    {
        model.eval();
        var predicted = FramePredictor.PredictClasses(model.forward, data);
        return FrameAccuracyReport.FromPredictions(predicted, FramePredictor.LabelsOf(data), model.Architecture.Classes).FrameAccuracy;
    }

    private double RunEpoch(FrameClassifier model, FrameDataset train, ITrainingObjective objective,
        optim.Optimizer optimizer, Generator generator, int epoch, Action<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        model.train();
        using var cpuOrder = randperm(train.Count, generator: generator);
        using var order = cpuOrder.to(train.Features.device);
        var clock = Stopwatch.StartNew();
        using var lossSum = zeros(1, device: train.Features.device);
        long batches = 0;
        for (long start = 0; start < train.Count; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                var indices = order.narrow(0, start, Math.Min(options.BatchSize, train.Count - start));
                var loss = objective.Loss(model.forward(train.Splice(indices)), indices);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum.add_(loss.detach());
            }
            batches++;
            // Reading the loss forces a device sync; do it only when reporting.
            if (progress is not null && batches % 200 == 0)
            {
                var done = Math.Min(start + options.BatchSize, train.Count);
                progress(new TrainingProgress(epoch, options.Epochs, done, train.Count,
                    lossSum.item<float>() / batches, done / clock.Elapsed.TotalSeconds));
            }
        }
        var mean = lossSum.item<float>() / Math.Max(batches, 1);
        progress?.Invoke(new TrainingProgress(epoch, options.Epochs, train.Count, train.Count, mean, train.Count / clock.Elapsed.TotalSeconds));
        return mean;
    }

    private optim.Optimizer CreateOptimizer(FrameClassifier model) => options.Optimizer switch
    {
        "adam" => optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        _ => optim.SGD(model.parameters(), options.LearningRate, options.Momentum, weight_decay: options.WeightDecay),
    };

    private static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    private static Dictionary<string, Tensor> CopyState(FrameClassifier model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());

    private static void RestoreState(FrameClassifier model, Dictionary<string, Tensor> state)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in model.state_dict())
        {
            value.copy_(state[name]);
        }
    }

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        foreach (var tensor in state?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
    }
}
