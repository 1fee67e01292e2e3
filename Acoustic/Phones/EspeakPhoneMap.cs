namespace AcousticDistill.Acoustic.Phones;

/// <summary>
/// eSpeak NG English phoneme mnemonics, as its phoneme events report them, to the label set. The names are
/// those recorded from 400 fortune sentences spoken by the voices en, en-us, en-us-nyc, en-gb-x-rp,
/// en-gb-scotland, en-029, en-gb-x-gbclan and en-gb-x-gbcwmd (see the tests). Choices:
/// r-coloured vowels written as one symbol are split as the CMU dictionary writes them (<c>A@</c> → aa r,
/// <c>aI@</c> → ay er), so a rhotic voice's word gets the same phones as festival gives it; syllabic
/// <c>@L n-</c> → ah l / ah n likewise; the flaps and variants <c>t# t2 t[</c> → t; the glide <c>;</c>
/// eSpeak inserts between vowels → y; the glottal stop <c>?</c> is dropped into the phone before it;
/// pauses <c>_ _: _!</c> → sil.
/// </summary>
public static class EspeakPhoneMap
{
    /// <summary>The table (source name "espeak-ng").</summary>
    public static PhoneMappingTable Table { get; } = new("espeak-ng", Build());

    /// <summary>True for eSpeak's pause pseudo-phonemes (<c>_</c>, <c>_:</c>, <c>_!</c> ...).</summary>
    public static bool IsPause(string name) => name.Length > 0 && name[0] == '_';

    private static Dictionary<string, string[]> Build() => new(StringComparer.Ordinal)
    {
        // Pauses and the glottal stop.
        ["_"] = ["sil"], ["_:"] = ["sil"], ["_!"] = ["sil"], ["?"] = [],
        // Vowels.
        ["0"] = ["aa"], ["3"] = ["er"], ["3:"] = ["er"], ["IR"] = ["er"], ["VR"] = ["er"],
        ["@"] = ["ah"], ["@-"] = ["ah"], ["@2"] = ["ah"], ["@5"] = ["ah"], ["V"] = ["ah"], ["a#"] = ["ah"],
        ["@L"] = ["ah", "l"], ["n-"] = ["ah", "n"],
        ["A:"] = ["aa"], ["A@"] = ["aa", "r"],
        ["a"] = ["ae"], ["aa"] = ["ae"],
        ["E"] = ["eh"], ["e@"] = ["eh", "r"],
        ["I"] = ["ih"], ["I#"] = ["ih"], ["I2"] = ["ih"],
        ["i"] = ["iy"], ["i:"] = ["iy"], ["i@"] = ["iy", "ah"], ["i@3"] = ["iy", "r"],
        ["O:"] = ["ao"], ["O2"] = ["ao"], ["O@"] = ["ao", "r"], ["o@"] = ["ao", "r"],
        ["OI"] = ["oy"], ["oU"] = ["ow"],
        ["U"] = ["uh"], ["U@"] = ["uh", "r"], ["u:"] = ["uw"],
        ["aI"] = ["ay"], ["aI2"] = ["ay"], ["aI3"] = ["ay"], ["aI@"] = ["ay", "er"],
        ["aU"] = ["aw"],
        ["eI"] = ["ey"],
        // Consonants.
        ["b"] = ["b"], ["d"] = ["d"], ["D"] = ["dh"], ["dZ"] = ["jh"], ["f"] = ["f"], ["g"] = ["g"],
        ["h"] = ["hh"], ["j"] = ["y"], [";"] = ["y"], ["k"] = ["k"], ["l"] = ["l"], ["m"] = ["m"],
        ["n"] = ["n"], ["N"] = ["ng"], ["p"] = ["p"], ["r"] = ["r"], ["r-"] = ["r"], ["s"] = ["s"],
        ["S"] = ["sh"], ["t"] = ["t"], ["t#"] = ["t"], ["t2"] = ["t"], ["t["] = ["t"], ["T"] = ["th"],
        ["tS"] = ["ch"], ["v"] = ["v"], ["w"] = ["w"], ["w#"] = ["w"], ["z"] = ["z"], ["Z"] = ["zh"],
    };
}
