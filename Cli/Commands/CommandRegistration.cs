using Spectre.Console.Cli;

namespace AcousticDistill.Cli.Commands;

/// <summary>Every verb of the <c>acoustic</c> tool, in one place.</summary>
internal static class CommandRegistration
{
    public static void AddCommands(this IConfigurator config)
    {
        // Registrations are added here by each feature (features, corpus, train, eval, bench).
        config.AddBranch("corpus", corpus =>
        {
            corpus.SetDescription("Build, import and describe phone-aligned corpora.");
            corpus.AddCommand<CorpusSynthCommand>("synth")
                  .WithDescription("Synthesise a phone-aligned corpus with festival, flite and espeak-ng (speaker- and text-disjoint splits).");
        });
    }
}
