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
            .WithDescription("Run the whole distillation comparison (baseline, ensemble, students over T and alpha, 3% data, specialists) over seeds, with intervals; checkpointed after every model, resumable.")
            .WithExample("study", "--corpus", "out/an4-syn-16k", "--scale", "medium", "--seeds", "1,2,3", "--lm", "samples/an4/an4-train-bigram.arpa", "--out", "out/study")
            .WithExample("study", "--resume", "out/study", "--seeds", "4,5");
        config.AddCommand<AlignCommand>("align")
            .WithDescription("Forced alignment of a WAV file to its transcript: phone and word segments and frame labels.")
            .WithExample("align", "--model", "out/baseline.adm", "--wav", "a.wav", "--text", "three one four", "--json");
        config.AddCommand<DecodeCommand>("decode")
            .WithDescription("Recognise a WAV file as a stream with a word loop (--grammar), phrase list (--phrases) or language model (--lm: ARPA, Sphinx binary or .adlm; large or trigram ones through the lexicon-tree search; words without a pronunciation skipped); partials, words, times, confidences.")
            .WithExample("decode", "--model", "out/en-8k.adm", "--wav", "a.wav", "--grammar", "zero one two three four five six seven eight nine", "--json");
        config.AddBranch("lm", lm =>
        {
            lm.SetDescription("Language models for decoding.");
            lm.AddCommand<LmBuildCommand>("build")
                .WithDescription("Build an ARPA back-off n-gram model (Witten-Bell, order 1 to 3) from a file of sentences.")
                .WithExample("lm", "build", "--text", "../shared/data/an4/etc/an4_train.transcription", "--order", "2", "--out", "out/an4.arpa");
            lm.AddCommand<LmConvertCommand>("convert")
                .WithDescription("Convert a language model (ARPA, CMU Sphinx trie binary, .adlm) to the compact .adlm form the decoder loads, or to ARPA.")
                .WithExample("lm", "convert", "--in", "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin", "--out", "models/lm/en-us.adlm");
        });
        config.AddBranch("model", model =>
        {
            model.SetDescription("Maintain model artifacts.");
            model.AddCommand<ModelUpgradeCommand>("upgrade")
                .WithDescription("Rewrite an older artifact in the current format with its class priors inside (from its old MODEL.priors.json, or counted on its training corpus).")
                .WithExample("model", "upgrade", "--model", "out/en-8k.adm", "--priors", "out/en-8k.adm.priors.json");
            model.AddCommand<ModelTuneDecodingCommand>("tune-decoding")
                .WithDescription("Choose acoustic scale, word penalty and beam on a dev split; store them in the artifact as its decoding defaults.")
                .WithExample("model", "tune-decoding", "--model", "out/an4.adm", "--corpus", "out/an4-16k", "--split", "dev", "--lm", "out/an4.arpa");
        });
        config.AddCommand<ScoreCommand>("score")
            .WithDescription("WER, sentence accuracy and real-time factor of a model on a corpus split (one process; decoding defaults from the model).")
            .WithExample("score", "--model", "models/en-16k.admodel", "--corpus", "out/an4-16k", "--split", "test", "--lm", "out/an4.arpa", "--json");
        config.AddCommand<FsddEvalCommand>("fsdd-eval")
            .WithDescription("Digit accuracy and real-time factor of a model on FSDD recordings with a single-digit grammar.")
            .WithExample("fsdd-eval", "--model", "out/en-8k.adm", "--data", "../shared/data/fsdd", "--speaker", "george", "--json");
        config.AddBranch("corpus", corpus =>
        {
            corpus.SetDescription("Build, import and describe phone-aligned corpora.");
            corpus.AddCommand<CorpusSynthCommand>("synth")
                  .WithDescription("Synthesise a phone-aligned corpus with festival, flite and espeak-ng (speaker- and text-disjoint splits).");
            corpus.AddCommand<CorpusImportTimitCommand>("import-timit")
                  .WithDescription("Import a TIMIT-layout corpus (SPHERE or RIFF audio), folding its 61 phones to the 40-phone set.");
            corpus.AddCommand<CorpusImportTranscribedCommand>("import-transcribed")
                  .WithDescription("Force-align transcribed WAV files (a transcript list, or FSDD's digit-in-the-name) with a bootstrap model into a corpus.")
                  .WithExample("corpus", "import-transcribed", "../shared/data/fsdd", "--fsdd", "--model", "out/boot-8k.adm", "--out", "out/fsdd", "--test-speaker", "george");
            corpus.AddCommand<CorpusImportAn4Command>("import-an4")
                  .WithDescription("Import CMU AN4 (big-endian raw audio, sphinx lists), force-aligned with a model; dev = held-out training speakers, test = AN4 test.")
                  .WithExample("corpus", "import-an4", "--an4", "../shared/data/an4", "--model", "models/en-16k.admodel", "--out", "out/an4-16k");
            corpus.AddCommand<CorpusImportKaldiCommand>("import-kaldi")
                  .WithDescription("Force-align a Kaldi-style data directory (wav.scp of WAV files, text, optional utt2spk) with a bootstrap model into a corpus.")
                  .WithExample("corpus", "import-kaldi", "--data", "data/train", "--model", "out/boot-16k.adm", "--out", "out/mydata", "--test-speaker", "spk1");
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
            bench.AddCommand<BenchStreamCommand>("stream")
                .WithExample("bench", "stream", "--audio", "speech/", "--streams", "100", "--seconds", "300", "--out", "bench/results/load/realtime-100.json");
        });
    }
}
