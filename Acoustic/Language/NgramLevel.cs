namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// The n-grams of one order in a <see cref="NgramLanguageModel"/>'s trie, as parallel arrays: the last word of each
/// (absent for unigrams, whose index is the word id), its natural-log probability, and — below the highest order — its
/// back-off weight and where its children start in the next level (<c>ChildStart[i]</c> to <c>ChildStart[i + 1]</c>).
/// </summary>
internal sealed class NgramLevel(int[]? word, float[] logProb, float[]? logBackoff, int[]? childStart)
{
    public int[]? Word { get; } = word;

    public float[] LogProb { get; } = logProb;

    public float[]? LogBackoff { get; } = logBackoff;

    public int[]? ChildStart { get; } = childStart;

    public int Count => LogProb.Length;

    public bool HasChildren(int index) => ChildStart is not null && ChildStart[index + 1] > ChildStart[index];

    public long SizeInBytes => 4L * ((Word?.Length ?? 0) + LogProb.Length + (LogBackoff?.Length ?? 0) + (ChildStart?.Length ?? 0));
}
