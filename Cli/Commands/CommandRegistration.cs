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
            corpus.AddCommand<CorpusImportTimitCommand>("import-timit")
                  .WithDescription("Import a TIMIT-layout corpus (SPHERE or RIFF audio), folding its 61 phones to the 40-phone set.");
            corpus.AddCommand<CorpusStatsCommand>("stats")
                  .WithDescription("Hours, utterances, speakers (per split) and frames per phone-state class of a corpus.");
        });
    }
}
