namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// A word of a hypothesis with its time span and confidence. The confidence is the word's share among the words that
/// competed to end at the same place at the same frame (a softmax of their best path scores): near 1 when no other
/// word came close, 1/k when k words tied.
/// </summary>
public sealed record RecognizedWord(string Word, double StartSeconds, double EndSeconds, double Confidence);

/// <summary>A (partial or final) recognition result.</summary>
/// <param name="Words">The recognised words in order.</param>
/// <param name="LogScore">Total log score of the best path.</param>
/// <param name="Frames">Frames decoded.</param>
/// <param name="ReachedFinal">True when the path ends in a final grammar state (always true for a word loop).</param>
public sealed record DecodingResult(IReadOnlyList<RecognizedWord> Words, double LogScore, int Frames, bool ReachedFinal)
{
    /// <summary>The words joined by spaces.</summary>
    public string Text => string.Join(' ', Words.Select(w => w.Word));
}
