namespace AcousticDistill.Acoustic.Lexicon;

/// <summary>A transcript or grammar uses a word the pronunciation lexicon does not have.</summary>
public sealed class UnknownWordException(string word, string lexiconName)
    : ArgumentException($"The word '{word}' is not in the pronunciation lexicon {lexiconName}; add it to the lexicon or spell it another way.")
{
    /// <summary>The word that was looked up (normalised to lower case).</summary>
    public string Word { get; } = word;
}
