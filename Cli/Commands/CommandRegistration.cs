using Spectre.Console.Cli;

namespace AcousticDistill.Cli.Commands;

/// <summary>Every verb of the <c>acoustic</c> tool, in one place.</summary>
internal static class CommandRegistration
{
    public static void AddCommands(this IConfigurator config)
    {
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Measure speed (machine-readable JSON on stdout).");
            bench.AddCommand<BenchTrainCommand>("train")
                .WithDescription("Training throughput (frames/s) of an MLP frame classifier on random data.");
        });
    }
}
