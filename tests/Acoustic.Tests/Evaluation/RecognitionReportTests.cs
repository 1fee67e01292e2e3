using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Acoustic.Tests.Evaluation;

/// <summary>Corpus-level figures of recognised utterances: WER over all words, sentence accuracy, unfinished paths.</summary>
public sealed class RecognitionReportTests
{
    private static RecognizedUtterance Utterance(string id, string reference, string hypothesis, bool reachedFinal = true) =>
        new(id, "spk", reference, hypothesis, reachedFinal,
            WordErrors.Count(reference.Split(' ', StringSplitOptions.RemoveEmptyEntries), hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Report_SumsErrorsOverUtterances_AndCountsSentencesAndUnfinishedPaths()
    {
        var report = new RecognitionReport(
        [
            Utterance("u1", "one two three", "one two three"),
            Utterance("u2", "four five", "four", reachedFinal: false),
            Utterance("u3", "six seven eight nine", "six seven eight nine nine"),
            Utterance("u4", "zero", "zero"),
        ]);

        Assert.Equal(new WordErrors(0, 1, 1, 10), report.Errors);
        Assert.Equal(0.2, report.Wer, 12);
        Assert.Equal(0.5, report.SentenceAccuracy, 12);
        Assert.Equal(1, report.NotReachingFinal);
    }

    [Fact]
    public void Report_WerWeighsWordsNotUtterances()
    {
        // Averaging per-utterance rates would give (1 + 0) / 2 = 0.5; one error in five words is 0.2.
        var report = new RecognitionReport([Utterance("u1", "one", "two"), Utterance("u2", "one two three four", "one two three four")]);

        Assert.Equal(0.2, report.Wer, 12);
    }

    [Fact]
    public void EmptyReport_HasNoErrorsAndNoAccuracy()
    {
        var report = new RecognitionReport([]);

        Assert.Equal(0, report.Wer);
        Assert.Equal(0, report.SentenceAccuracy);
        Assert.Equal(0, report.NotReachingFinal);
    }
}
