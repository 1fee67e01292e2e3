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
        config.AddBranch("ensemble", ensemble =>
        {
            ensemble.SetDescription("Ensembles of teacher models.");
            ensemble.AddCommand<EnsembleTrainCommand>("train")
                .WithDescription("Train N teachers differing in seed (and optionally width) into an ensemble folder.");
        });
        config.AddCommand<DistillCommand>("distill")
            .WithDescription("Distil an ensemble into one student with soft targets at temperature T (Hinton et al. 2015).")
            .WithExample("distill", "--teachers", "out/ensemble", "--corpus", "out/corpus-16k", "--temperature", "2", "--alpha", "0.5", "--out", "out/student.adm");
        config.AddCommand<StudyCommand>("study")
            .WithDescription("Run the whole distillation comparison (baseline, ensemble, students over T and alpha, 3% data, specialists).")
            .WithExample("study", "--corpus", "out/corpus-16k", "--scale", "small", "--json");
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
        config.AddBranch("specialists", specialists =>
        {
            specialists.SetDescription("Specialist models for confusable classes (Hinton, Vinyals and Dean 2015, section 5).");
            specialists.AddCommand<SpecialistsTrainCommand>("train")
                .WithDescription("Cluster the generalist's classes, train one specialist per cluster, save the set and compare on dev.")
                .WithExample("specialists", "train", "--generalist", "out/baseline.adm", "--corpus", "out/corpus-16k", "--clusters", "6", "--out", "out/specialists");
        });
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
