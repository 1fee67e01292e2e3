using AcousticDistill.Acoustic.Audio;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Features;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Reads a corpus split from disk into features and frame labels: decode each WAV at the corpus rate,
/// compute the filterbank, and label each frame from the phone alignment. Utterances are processed in
/// parallel within a thread budget, each worker with its own extractor.
/// </summary>
public static class CorpusFeatureLoader
{
    /// <summary>Loads one split. <paramref name="progress"/> gets (utterances done, total).</summary>
    public static SplitFeatures Load(
        string corpusDirectory,
        CorpusManifest manifest,
        CorpusSplit split,
        FbankOptions options,
        bool withLabels = true,
        int threads = 1,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (Math.Abs(options.SampleFrequency - manifest.SampleRate) > 0.5)
        {
            throw new ArgumentException(
                $"The features expect {options.SampleFrequency} Hz but corpus '{manifest.Name}' is {manifest.SampleRate} Hz; " +
                "use a model family of the corpus rate.");
        }
        var utterances = manifest.InSplit(split).ToArray();
        if (utterances.Length == 0)
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no utterances in the {split.ToString().ToLowerInvariant()} split.");
        }

        var features = new float[utterances.Length][];
        var labels = withLabels ? new int[utterances.Length][] : null;
        var samples = new long[utterances.Length];
        var done = 0;
        using var extractors = new ThreadLocal<FilterbankExtractor>(() => new FilterbankExtractor(options));
        Parallel.For(0, utterances.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken },
            i =>
            {
                var utterance = utterances[i];
                var audio = WavDecoder.DecodeFile(Path.Combine(corpusDirectory, utterance.AudioPath), manifest.SampleRate);
                samples[i] = audio.Length;
                var matrix = extractors.Value!.Compute(audio);
                features[i] = matrix.Data;
                if (labels is not null)
                {
                    var phones = AlignmentFile.Read(Path.Combine(corpusDirectory, utterance.PhonePath));
                    labels[i] = FrameLabeler.Label(phones, audio.Length, manifest.SampleRate, options.WindowLength, options.WindowShift);
                    if (labels[i].Length != matrix.Frames)
                    {
                        throw new InvalidDataException(
                            $"{utterance.Id}: {matrix.Frames} feature frames but {labels[i].Length} labels.");
                    }
                }
                progress?.Invoke(Interlocked.Increment(ref done), utterances.Length);
            });

        return new SplitFeatures(
            utterances.Select(u => u.Id).ToArray(),
            features,
            labels,
            options.FeatureDim,
            samples.Sum() / (double)manifest.SampleRate);
    }
}
