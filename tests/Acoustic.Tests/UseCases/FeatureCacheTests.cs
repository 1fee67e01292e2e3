using AcousticDistill.Acoustic.UseCases;

namespace AcousticDistill.Acoustic.Tests.UseCases;

/// <summary>Work split into stages (a distillation job) extracts each corpus split once, and gets the same features back.</summary>
public sealed class FeatureCacheTests
{
    [Fact]
    public void LoadSplit_WithACache_ExtractsOnce_AndReturnsTheSameFeatures()
    {
        using var corpus = new TempDirectory();
        using var cache = new TempDirectory();
        var options = CachedTinyCorpus(corpus, cache);
        var extractions = 0;
        var progress = new CountingProgress(() => extractions++);

        var first = CorpusPreparation.LoadSplit(options, CorpusSplit.Train, progress);
        var afterFirst = extractions;
        var second = CorpusPreparation.LoadSplit(options, CorpusSplit.Train, progress);
        var uncached = CorpusPreparation.LoadSplit(options with { FeatureCacheDirectory = null }, CorpusSplit.Train);

        Assert.True(afterFirst > 1, "the first load extracts (and reports per utterance)");
        Assert.Equal(afterFirst + 1, extractions); // the second load only reports its end
        Assert.Single(Directory.GetFiles(cache.Path));
        foreach (var loaded in new[] { second, uncached })
        {
            Assert.Equal(first.UtteranceIds, loaded.UtteranceIds);
            Assert.Equal(first.Dim, loaded.Dim);
            Assert.Equal(first.AudioSeconds, loaded.AudioSeconds);
            for (var u = 0; u < first.Features.Count; u++)
            {
                Assert.Equal(first.Features[u], loaded.Features[u]);
                Assert.Equal(first.Labels![u], loaded.Labels![u]);
            }
        }
    }

    [Fact]
    public void LoadSplit_OtherFeatureSettings_AreAnotherCacheEntry()
    {
        using var corpus = new TempDirectory();
        using var cache = new TempDirectory();
        var options = CachedTinyCorpus(corpus, cache);

        var twenty = CorpusPreparation.LoadSplit(options, CorpusSplit.Train);
        var sixteen = CorpusPreparation.LoadSplit(options with { Features = new FbankOptions { SampleFrequency = 8000, NumMelBins = 16 } },
            CorpusSplit.Train);

        Assert.Equal(20, twenty.Dim);
        Assert.Equal(16, sixteen.Dim);
        Assert.Equal(2, Directory.GetFiles(cache.Path).Length);
    }

    private static CorpusPreparationOptions CachedTinyCorpus(TempDirectory corpus, TempDirectory cache)
    {
        TinyAlignedCorpus.Write(corpus.Path, 8000);
        return new CorpusPreparationOptions
        {
            CorpusDirectory = corpus.Path,
            Features = new FbankOptions { SampleFrequency = 8000, NumMelBins = 20 },
            FeatureCacheDirectory = cache.Path,
        };
    }

    private sealed class CountingProgress(Action onReport) : IProgress<PreparationProgress>
    {
        public void Report(PreparationProgress value) => onReport();
    }
}
