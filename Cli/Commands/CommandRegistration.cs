using Spectre.Console.Cli;

namespace AcousticDistill.Cli.Commands;

/// <summary>Every verb of the <c>acoustic</c> tool, in one place.</summary>
internal static class CommandRegistration
{
    public static void AddCommands(this IConfigurator config)
    {
        config.AddCommand<FeaturesCommand>("features")
            .WithDescription("Log-mel filterbank features of a WAV file (Kaldi defaults, dither 0, no CMVN).");
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train a frame classifier on a corpus's hard labels; writes a model artifact.")
            .WithExample("train", "--corpus", "out/corpus-16k", "--out", "out/baseline.adm");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Frame accuracy of a model on a corpus split, per phone, plus a confusion matrix file.")
            .WithExample("eval", "--model", "out/baseline.adm", "--corpus", "out/corpus-16k", "--split", "test", "--json");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Measure speed (machine-readable JSON on stdout).");
            bench.AddCommand<BenchFbankCommand>("fbank")
                .WithDescription("Filterbank extraction speed (x real time, single thread) on a WAV file.");
            bench.AddCommand<BenchTrainCommand>("train")
                .WithDescription("Training throughput (frames/s) of an MLP frame classifier on random data.");
        });
    }
}
