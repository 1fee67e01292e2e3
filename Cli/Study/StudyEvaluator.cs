using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Lexicon;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// Measures one model (any frame scorer: a network, an ensemble, a generalist with specialists) on the study's test sets:
/// frame accuracy on test, dev and held-out frames, and word error rate on test through the decoder, with the
/// per-utterance counts the bootstrap intervals need.
/// </summary>
internal static class StudyEvaluator
{
    private const int BatchFrames = 4096;

    /// <summary>A row for <paramref name="name"/> scored by <paramref name="scorer"/> (spliced input → logits or log-probabilities).</summary>
    public static StudyRow Evaluate(string name, Func<Tensor, Tensor> scorer, int classes, long parameters, long macsPerFrame,
        StudyTestSets sets)
    {
        using var noGrad = no_grad();
        var labels = FramePredictor.LabelsOf(sets.Test);
        var predicted = FramePredictor.PredictClasses(scorer, sets.Test);
        var correct = CorrectPerUtterance(predicted, labels, sets.TestUtteranceFrames);
        var decoded = sets.Decoder is { } decoder ? Decode(scorer, classes, sets, decoder) : null;
        return new StudyRow(
            name,
            FrameAccuracy: correct.Sum() / (double)labels.Length,
            DevFrameAccuracy: Accuracy(scorer, sets.Dev, classes),
            Params: parameters,
            InferenceMacsPerFrame: macsPerFrame,
            Wer: decoded?.Wer,
            HeldOutFrameAccuracy: sets.HeldOut is { } heldOut ? Accuracy(scorer, heldOut, classes) : null,
            UtteranceCorrectFrames: correct,
            UtteranceWordErrors: decoded?.Utterances.Select(u => u.Errors.Errors).ToArray());
    }

    /// <summary>Reference words of each test utterance (the denominators of per-utterance word errors).</summary>
    public static int[] ReferenceWords(StudyTestSets sets) =>
        sets.TestEntries.Select(e => PronunciationLexicon.Words(e.Text).Count).ToArray();

    private static double Accuracy(Func<Tensor, Tensor> scorer, FrameDataset data, int classes) =>
        FrameAccuracyReport.FromPredictions(FramePredictor.PredictClasses(scorer, data), FramePredictor.LabelsOf(data), classes).FrameAccuracy;

    private static int[] CorrectPerUtterance(int[] predicted, int[] labels, IReadOnlyList<int> utteranceFrames)
    {
        var correct = new int[utteranceFrames.Count];
        var frame = 0;
        for (var u = 0; u < utteranceFrames.Count; u++)
        {
            for (var end = frame + utteranceFrames[u]; frame < end; frame++)
            {
                correct[u] += predicted[frame] == labels[frame] ? 1 : 0;
            }
        }
        return correct;
    }

    // Scores as the serving path makes them (log posterior minus log prior), cut into utterances and searched.
    private static RecognitionReport Decode(Func<Tensor, Tensor> scorer, int classes, StudyTestSets sets, StudyDecoder decoder)
    {
        var logPriors = decoder.Priors.LogPriors;
        var scores = new float[sets.Test.Count * classes];
        for (long start = 0; start < sets.Test.Count; start += BatchFrames)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(BatchFrames, sets.Test.Count - start);
            var indices = arange(start, start + n, dtype: ScalarType.Int64, device: sets.Test.Features.device);
            var logPosteriors = log_softmax(scorer(sets.Test.Splice(indices)), 1).to(ScalarType.Float32).cpu();
            logPosteriors.data<float>().CopyTo(scores.AsSpan((int)(start * classes), (int)(n * classes)));
        }
        var utterances = new List<ScoredUtterance>(sets.TestEntries.Count);
        var offset = 0;
        for (var u = 0; u < sets.TestEntries.Count; u++)
        {
            var frames = sets.TestUtteranceFrames[u];
            var utterance = scores.AsSpan(offset * classes, frames * classes).ToArray();
            for (var i = 0; i < utterance.Length; i++)
            {
                utterance[i] -= logPriors[i % classes];
            }
            utterances.Add(new ScoredUtterance(sets.TestEntries[u], utterance));
            offset += frames;
        }
        var options = new DecoderOptions { Beam = decoder.Settings.Beam, MaxActive = decoder.Settings.MaxActive };
        return new CorpusRecognizer(decoder.Graph, decoder.Timing, classes)
            .Recognize(utterances, decoder.Settings.AcousticScale, options, decoder.Threads);
    }
}
