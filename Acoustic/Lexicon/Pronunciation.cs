namespace AcousticDistill.Acoustic.Lexicon;

/// <summary>
/// One way of saying a word: its phones as indices into <see cref="Phones.PhoneSet"/> (never silence).
/// <paramref name="Variant"/> is 1 for the main entry and n for CMUdict's <c>word(n)</c> alternates.
/// </summary>
public sealed record Pronunciation(string Word, int Variant, IReadOnlyList<int> Phones)
{
    /// <summary>The phones as names, e.g. <c>z ih r ow</c>.</summary>
    public override string ToString() => $"{Word}({Variant}): {string.Join(' ', Phones.Select(p => AcousticDistill.Acoustic.Phones.PhoneSet.Phones[p]))}";
}
