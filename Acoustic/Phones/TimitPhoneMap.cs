namespace AcousticDistill.Acoustic.Phones;

/// <summary>
/// TIMIT's 61 phone labels folded to the label set, after Lee &amp; Hon (1989): closures
/// (<c>bcl dcl gcl pcl tcl kcl</c>), <c>h# pau epi</c> → sil; <c>ux</c>→uw, <c>axr</c>→er, <c>ix</c>→ih,
/// <c>ax ax-h</c>→ah, <c>el</c>→l, <c>em</c>→m, <c>en nx</c>→n, <c>eng</c>→ng, <c>hv</c>→hh.
/// Unlike Lee &amp; Hon, whose 39 keep <c>dx</c> and merge <c>zh</c>/<c>sh</c> and <c>ao</c>/<c>aa</c>,
/// the label set is the CMU 39: <c>zh</c> and <c>ao</c> stay, and the flap <c>dx</c> becomes <c>t</c>
/// (flaps are mostly /t/ in dictionary terms, and the synthetic corpora label them <c>t</c> too).
/// The glottal stop <c>q</c> is dropped and its time given to the phone before it.
/// </summary>
public static class TimitPhoneMap
{
    /// <summary>The 61 TIMIT labels.</summary>
    public static IReadOnlyList<string> TimitPhones { get; } =
    [
        "iy", "ih", "eh", "ey", "ae", "aa", "aw", "ay", "ah", "ao", "oy", "ow", "uh", "uw", "ux", "er", "ax", "ix",
        "axr", "ax-h", "jh", "ch", "b", "d", "g", "p", "t", "k", "dx", "s", "sh", "z", "zh", "f", "th", "v", "dh",
        "m", "n", "ng", "em", "nx", "en", "eng", "l", "r", "w", "y", "hh", "hv", "el", "bcl", "dcl", "gcl", "pcl",
        "tcl", "kcl", "q", "pau", "epi", "h#",
    ];

    /// <summary>The table (source name "TIMIT"); declared after <see cref="TimitPhones"/>, which it is built from.</summary>
    public static PhoneMappingTable Table { get; } = new("TIMIT", Build());

    private static Dictionary<string, string[]> Build()
    {
        var folds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ux"] = "uw", ["axr"] = "er", ["ix"] = "ih", ["ax"] = "ah", ["ax-h"] = "ah",
            ["el"] = "l", ["em"] = "m", ["en"] = "n", ["nx"] = "n", ["eng"] = "ng", ["hv"] = "hh", ["dx"] = "t",
            ["bcl"] = PhoneSet.Silence, ["dcl"] = PhoneSet.Silence, ["gcl"] = PhoneSet.Silence,
            ["pcl"] = PhoneSet.Silence, ["tcl"] = PhoneSet.Silence, ["kcl"] = PhoneSet.Silence,
            ["pau"] = PhoneSet.Silence, ["epi"] = PhoneSet.Silence, ["h#"] = PhoneSet.Silence,
        };
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var phone in TimitPhones)
        {
            entries[phone] = phone == "q" ? [] : [folds.GetValueOrDefault(phone, phone)];
        }
        return entries;
    }
}
