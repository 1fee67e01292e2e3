using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// The corpora of a study, loaded once for all its seeds: train and dev packed for training, and the test sets every model
/// is measured on (<see cref="StudyTestSets"/>), all normalised with the training split's statistics.
/// </summary>
internal sealed class StudyData : IDisposable
{
    private StudyData(SplitFeatures train, SplitFeatures dev, PreparedCorpus prepared, StudyTestSets sets)
    {
        Train = train;
        Dev = dev;
        Prepared = prepared;
        Sets = sets;
    }

    public SplitFeatures Train { get; }

    public SplitFeatures Dev { get; }

    public PreparedCorpus Prepared { get; }

    public StudyTestSets Sets { get; }

    /// <summary>Hours of training speech.</summary>
    public double TrainHours => Train.AudioSeconds / 3600;

    public static StudyData Load(StudyConfig config, StudyMachine machine, CancellationToken cancellationToken)
    {
        var manifest = CorpusManifest.Load(config.Corpus);
        var features = CorpusPreparation.FeaturesFor(config.Corpus, bins: 40);
        var input = new CorpusPreparationOptions { CorpusDirectory = config.Corpus, Features = features, LoaderThreads = machine.Threads };
        var train = UseCaseProgress.LoadSplit(input, CorpusSplit.Train, cancellationToken);
        if (train.AudioSeconds / 3600 < config.Scale.MinimumTrainingHours)
        {
            throw new ArgumentException(
                $"Scale '{config.Scale.Name}' needs at least {config.Scale.MinimumTrainingHours} h of training speech; '{manifest.Name}' has {train.AudioSeconds / 3600:F2} h.");
        }
        var dev = UseCaseProgress.LoadSplit(input, CorpusSplit.Dev, cancellationToken);
        var test = UseCaseProgress.LoadSplit(input, CorpusSplit.Test, cancellationToken);
        var prepared = PreparedCorpus.Create(manifest.Name, train, dev, features, input.Context);
        var device = TorchRuntime.ParseDevice(machine.Device);
        var testSet = prepared.Prepare(test);
        testSet.MoveTo(device);
        prepared.Dev!.MoveTo(device);
        FrameDataset? heldOut = null;
        if (config.HeldOutCorpus is { } heldOutCorpus)
        {
            var split = UseCaseProgress.LoadSplit(input with { CorpusDirectory = heldOutCorpus }, CorpusSplit.Test, cancellationToken);
            heldOut = prepared.Prepare(split);
            heldOut.MoveTo(device);
        }
        var byId = manifest.InSplit(CorpusSplit.Test).ToDictionary(e => e.Id);
        var entries = test.UtteranceIds.Select(id => byId[id]).ToArray();
        var decoder = config.Lm is null ? null : Decoder(config, prepared, machine);
        return new StudyData(train, dev, prepared, new StudyTestSets(testSet, entries, prepared.Dev!, heldOut, decoder));
    }

    // The LM's words without a pronunciation are left out (as `acoustic score` does); the priors are the training frames'.
    private static StudyDecoder Decoder(StudyConfig config, PreparedCorpus prepared, StudyMachine machine)
    {
        var lexicon = PronunciationLexicon.Shared;
        var grammar = ArpaLanguageModel.Load(config.Lm!).ToGrammar(1f, lexicon.Contains);
        if (grammar.SkippedWords.Count > 0)
        {
            ConsoleProgress.Stderr.MarkupLineInterpolated($"[yellow]warning:[/] {grammar.SkippedWords.Count} LM words have no pronunciation and are skipped.");
        }
        var graph = DecodingGraph.Build(grammar.Grammar, lexicon, new DecodingGraphOptions { WordInsertionLogPenalty = config.Decoding.WordPenalty });
        var priors = TrainedModelMetadata.TrainingPriors(prepared, PhoneSet.ClassCount);
        return new StudyDecoder(graph, FrameTiming.Of(prepared.Features), priors, config.Decoding, machine.Threads);
    }

    public void Dispose()
    {
        Sets.Dispose();
        Prepared.Dispose();
    }
}
