namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>One utterance recognised against its reference transcript.</summary>
public sealed record RecognizedUtterance(string Id, string Speaker, string Reference, string Hypothesis, bool ReachedFinal, WordErrors Errors);

/// <summary>Word error rate and sentence accuracy of a set of recognised utterances.</summary>
public sealed record RecognitionReport(IReadOnlyList<RecognizedUtterance> Utterances)
{
    /// <summary>Errors summed over the utterances.</summary>
    public WordErrors Errors => Utterances.Aggregate(default(WordErrors), (sum, u) => sum + u.Errors);

    /// <summary>Word error rate.</summary>
    public double Wer => Errors.Rate;

    /// <summary>Share of utterances recognised without any word error.</summary>
    public double SentenceAccuracy => Utterances.Count == 0 ? 0 : Utterances.Count(u => u.Errors.Errors == 0) / (double)Utterances.Count;

    /// <summary>Utterances whose best path never reached a final grammar state (beam too narrow, or audio cut short):
    /// their hypothesis is the best partial path.</summary>
    public int NotReachingFinal => Utterances.Count(u => !u.ReachedFinal);
}
