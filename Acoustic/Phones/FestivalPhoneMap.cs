namespace AcousticDistill.Acoustic.Phones;

/// <summary>
/// Festival's US "radio" phone set (festival/radio_phones.scm), which flite's CMU US voices share:
/// the 39 CMU phones by the same names plus <c>ax axr dx el em en hv nx</c> and the non-speech
/// <c>pau h# brth</c>. Reduced and syllabic forms are written out as the CMU dictionary would
/// (<c>ax</c> → ah, <c>el</c> → ah l), so the engines agree with each other on the same word;
/// a flap <c>dx</c> becomes <c>t</c>, as in the dictionary pronunciations these voices use.
/// </summary>
public static class FestivalPhoneMap
{
    /// <summary>The table (source name "festival/flite").</summary>
    public static PhoneMappingTable Table { get; } = new("festival/flite", Build());

    private static Dictionary<string, string[]> Build()
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var phone in PhoneSet.Phones.Skip(1))
        {
            entries[phone] = [phone];
        }
        entries["pau"] = [PhoneSet.Silence];
        entries["h#"] = [PhoneSet.Silence];
        entries["brth"] = [PhoneSet.Silence];
        entries["ax"] = ["ah"];
        entries["axr"] = ["er"];
        entries["dx"] = ["t"];
        entries["el"] = ["ah", "l"];
        entries["em"] = ["ah", "m"];
        entries["en"] = ["ah", "n"];
        entries["hv"] = ["hh"];
        entries["nx"] = ["n"];
        return entries;
    }
}
