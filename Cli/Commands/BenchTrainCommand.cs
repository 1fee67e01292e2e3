using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic bench train</c>: training throughput of a frame classifier on random data — the same
/// work as bench/train/torch_mlp.py, so the two can be compared in one run.
/// </summary>
internal sealed class BenchTrainCommand : Command<BenchTrainCommand.Settings>
{
    public sealed class Settings : CommandSettings, ITorchThreadsSettings
    {
        [CommandOption("--threads <N>"), Description("Torch intra-op threads."), DefaultValue(1)]
        public int Threads { get; init; } = 1;

        [CommandOption("--frames <N>"), Description("Frames per timed epoch."), DefaultValue(51200)]
        public int Frames { get; init; } = 51200;

        [CommandOption("--batch <N>"), Description("Minibatch size."), DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--layers <N>"), Description("Hidden layers."), DefaultValue(3)]
        public int Layers { get; init; } = 3;

        [CommandOption("--width <N>"), Description("Hidden width."), DefaultValue(1024)]
        public int Width { get; init; } = 1024;

        [CommandOption("--repeats <N>"), Description("Timed epochs; the best is reported."), DefaultValue(3)]
        public int Repeats { get; init; } = 3;

        [CommandOption("--device <DEVICE>"), Description("cpu or cuda."), DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--with-distillation"), Description("Also time the same training on the distillation loss (T=2, alpha=0.5, cached random soft targets), interleaved, and report the ratio.")]
        public bool WithDistillation { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        const int bins = 40;
        var random = new Random(1);
        var features = new float[settings.Frames * bins];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (float)(random.NextDouble() * 2 - 1);
        }
        var labels = Enumerable.Range(0, settings.Frames).Select(_ => random.Next(120)).ToArray();
        using var data = FrameDataset.Create([features], [labels], bins, context: 5);
        var architecture = new MlpArchitecture(bins, 5, settings.Layers, settings.Width, 0, 120);
        using var model = new FrameClassifier(architecture, seed: 1);
        var options = new TrainingOptions
        {
            Epochs = 1, BatchSize = settings.Batch, Schedule = "constant", Device = settings.Device,
        };
        var trainer = new FrameTrainer(options);
        var objective = new HardLabelObjective(data);
        using (var warmup = FrameDataset.Create([features[..(20 * settings.Batch * bins)]], [labels[..(20 * settings.Batch)]], bins, 5))
        {
            trainer.Train(model, warmup, new HardLabelObjective(warmup), dev: null, cancellationToken: cancellationToken);
        }

        using var softTargets = log_softmax(randn(settings.Frames, 120) * 3, 1);
        var distillation = new DistillationObjective(softTargets, data, temperature: 2, alpha: 0.5);
        var best = double.PositiveInfinity;
        var bestDistill = double.PositiveInfinity;
        for (var r = 0; r < settings.Repeats; r++)
        {
            // Interleaved so that both see the same machine load.
            var clock = Stopwatch.StartNew();
            trainer.Train(model, data, objective, dev: null, cancellationToken: cancellationToken);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            if (settings.WithDistillation)
            {
                clock.Restart();
                trainer.Train(model, data, distillation, dev: null, cancellationToken: cancellationToken);
                bestDistill = Math.Min(bestDistill, clock.Elapsed.TotalSeconds);
            }
        }
        // Forward 2·MACs; backward 2·MACs for weight gradients and 2·MACs for input gradients, except the first
        // layer's, which nothing needs (the features take no gradient).
        var firstLayerMacs = (double)architecture.InputDim * (architecture.HiddenLayers > 0 ? architecture.HiddenWidth : architecture.Classes);
        var flopsPerFrame = 6.0 * architecture.MacsPerFrame - 2 * firstLayerMacs;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            peer = "acoustic",
            threads = settings.Threads,
            frames = settings.Frames,
            batch = settings.Batch,
            parameters = architecture.ParameterCount,
            best_seconds = best,
            frames_per_second = settings.Frames / best,
            gflops_per_second = settings.Frames / best * flopsPerFrame / 1e9,
            distill_frames_per_second = settings.WithDistillation ? settings.Frames / bestDistill : (double?)null,
            distill_speed_ratio = settings.WithDistillation ? best / bestDistill : (double?)null,
        }));
        return 0;
    }
}
