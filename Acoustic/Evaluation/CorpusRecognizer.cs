using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>An utterance of a corpus with its acoustic scores (frames × classes) computed once.</summary>
public sealed record ScoredUtterance(UtteranceEntry Entry, float[] Scores);

/// <summary>
/// Recognises whole utterances whose scores are already computed, with a decoder made per utterance (over a compiled
/// graph, or any other <see cref="IStreamDecoder"/>), and counts word errors. Scores are computed once per utterance
/// at acoustic scale 1 and scaled here, so tuning the scale costs no extra network passes.
/// </summary>
public sealed class CorpusRecognizer(Func<DecoderOptions, IStreamDecoder> newDecoder)
{
    /// <summary>Recognition against a compiled graph (<see cref="BeamSearchDecoder"/>).</summary>
    public CorpusRecognizer(DecodingGraph graph, FrameTiming timing, int classes)
        : this(options => new BeamSearchDecoder(graph, timing, classes, options))
    {
    }

    /// <summary>Decodes every utterance with <paramref name="acousticScale"/> applied to its scores.</summary>
    public RecognitionReport Recognize(IReadOnlyList<ScoredUtterance> utterances, float acousticScale, DecoderOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        var results = new RecognizedUtterance[utterances.Count];
        Parallel.For(0, utterances.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            i => results[i] = Recognize(utterances[i], acousticScale, options));
        return new RecognitionReport(results);
    }

    /// <summary>Decodes one utterance.</summary>
    public RecognizedUtterance Recognize(ScoredUtterance utterance, float acousticScale, DecoderOptions options)
    {
        var scores = utterance.Scores;
        if (acousticScale != 1f)
        {
            scores = new float[utterance.Scores.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = utterance.Scores[i] * acousticScale;
            }
        }
        var decoder = newDecoder(options);
        decoder.AcceptScores(scores);
        var result = decoder.Finish();
        var reference = PronunciationLexicon.Words(utterance.Entry.Text);
        var hypothesis = result.Words.Select(w => w.Word).ToArray();
        return new RecognizedUtterance(utterance.Entry.Id, utterance.Entry.Speaker, string.Join(' ', reference), string.Join(' ', hypothesis),
            result.ReachedFinal, WordErrors.Count(reference, hypothesis));
    }

    /// <summary>
    /// Scores the utterances of <paramref name="split"/> in <paramref name="corpusDirectory"/> at acoustic scale 1
    /// (<paramref name="scorer"/> must be built with scale 1); <paramref name="limit"/> keeps the first n.
    /// </summary>
    public static IReadOnlyList<ScoredUtterance> ScoreSplit(AcousticScorer scorer, string corpusDirectory, CorpusSplit split, int? limit = null,
                                                            Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return ScoreSplit(samples => scorer.ScoreAudio(samples), scorer.SampleRate, corpusDirectory, split, limit, progress);
    }

    /// <summary>
    /// Scores every utterance of a Kaldi data directory (<c>wav.scp</c> of WAV files, <c>text</c>, optional
    /// <c>utt2spk</c>) at acoustic scale 1, resampled to <paramref name="sampleRate"/>: real speech scored without
    /// importing (aligning) it into a corpus first. Its utterances are labelled as <paramref name="split"/>.
    /// </summary>
    public static IReadOnlyList<ScoredUtterance> ScoreKaldiData(Func<float[], float[]> score, int sampleRate, string dataDirectory, int? limit = null,
                                                                Action<int, int>? progress = null, CorpusSplit split = CorpusSplit.Test)
    {
        ArgumentNullException.ThrowIfNull(score);
        var files = Alignment.KaldiDataDirectory.Load(dataDirectory).Take(limit ?? int.MaxValue).ToArray();
        var scored = new ScoredUtterance[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            var samples = files[i].ReadSamples(sampleRate);
            var entry = new UtteranceEntry(files[i].UtteranceId, files[i].Speaker, split, files[i].AudioPath, files[i].Text, samples.Length);
            scored[i] = new ScoredUtterance(entry, score(samples));
            progress?.Invoke(i + 1, files.Length);
        }
        return scored;
    }

    /// <summary>As above, with any scorer of whole utterances at <paramref name="sampleRate"/> (e.g. an ensemble).</summary>
    public static IReadOnlyList<ScoredUtterance> ScoreSplit(Func<float[], float[]> score, int sampleRate, string corpusDirectory, CorpusSplit split,
                                                            int? limit = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var manifest = CorpusManifest.Load(corpusDirectory);
        if (manifest.SampleRate != sampleRate)
        {
            throw new InvalidDataException($"Corpus '{corpusDirectory}' is {manifest.SampleRate} Hz but the model is {sampleRate} Hz.");
        }
        var entries = manifest.InSplit(split).Take(limit ?? int.MaxValue).ToArray();
        if (entries.Length == 0)
        {
            throw new InvalidDataException($"Corpus '{corpusDirectory}' has no {split.ToString().ToLowerInvariant()} utterances.");
        }
        var scored = new ScoredUtterance[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var samples = WavDecoder.DecodeFile(Path.Combine(corpusDirectory, entries[i].AudioPath), sampleRate);
            scored[i] = new ScoredUtterance(entries[i], score(samples));
            progress?.Invoke(i + 1, entries.Length);
        }
        return scored;
    }
}
