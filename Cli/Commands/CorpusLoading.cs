using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Training;
using AcousticDistill.Cli.Output;

namespace AcousticDistill.Cli.Commands;

/// <summary>Loads corpus splits for CLI verbs, with a progress bar per split.</summary>
internal static class CorpusLoading
{
    public static SplitFeatures LoadSplit(string corpus, CorpusManifest manifest, CorpusSplit split, FbankOptions features,
        int threads, bool withLabels = true, CancellationToken cancellationToken = default, TrainingAugmentation? augmentation = null)
    {
        var name = split.ToString().ToLowerInvariant();
        var count = manifest.InSplit(split).Count();
        return ConsoleProgress.Run($"features ({name})", count, report =>
            CorpusFeatureLoader.Load(corpus, manifest, split, features, augmentation, withLabels, threads,
                (done, total) => report(done, $"{done}/{total} utterances"), cancellationToken));
    }

    /// <summary>
    /// Train and dev splits of a corpus, normalised and packed for training; with <paramref name="augmentation"/> the
    /// training split also gets augmented copies (dev stays as served).
    /// </summary>
    public static PreparedCorpus Prepare(string corpus, FbankOptions features, int context, int threads,
        CancellationToken cancellationToken = default, TrainingAugmentation? augmentation = null)
    {
        var manifest = CorpusManifest.Load(corpus);
        var train = LoadSplit(corpus, manifest, CorpusSplit.Train, features, threads, cancellationToken: cancellationToken, augmentation: augmentation);
        var dev = manifest.InSplit(CorpusSplit.Dev).Any()
            ? LoadSplit(corpus, manifest, CorpusSplit.Dev, features, threads, cancellationToken: cancellationToken)
            : null;
        return PreparedCorpus.Create(manifest.Name, train, dev, features, context);
    }

    public static FbankOptions FeaturesFor(string corpus, int bins)
    {
        var manifest = CorpusManifest.Load(corpus);
        var options = new FbankOptions { SampleFrequency = manifest.SampleRate, NumMelBins = bins };
        options.Validate();
        return options;
    }
}
