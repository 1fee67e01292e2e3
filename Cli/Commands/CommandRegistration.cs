using Spectre.Console.Cli;

namespace AcousticDistill.Cli.Commands;

/// <summary>Every verb of the <c>acoustic</c> tool, in one place.</summary>
internal static class CommandRegistration
{
    public static void AddCommands(this IConfigurator config)
    {
        // Registrations are added here by each feature (features, corpus, train, eval, bench).
        config.AddCommand<FeaturesCommand>("features").WithDescription("Log-mel filterbank features of a WAV file.");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Speed measurements.");
            bench.AddCommand<BenchFbankCommand>("fbank");
        });
    }
}
