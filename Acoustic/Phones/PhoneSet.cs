namespace AcousticDistill.Acoustic.Phones;

/// <summary>
/// The label inventory shared by every model: the 39 CMU ARPAbet phones without stress plus silence,
/// each split into <see cref="StatesPerPhone"/> left-to-right HMM states, giving 120 frame classes.
/// Class id = phone index × 3 + state. Silence is phone 0, so classes 0–2 are silence.
/// </summary>
public static class PhoneSet
{
    /// <summary>Name of the silence phone (also used for pauses and non-speech).</summary>
    public const string Silence = "sil";

    /// <summary>HMM states per phone (begin, middle, end).</summary>
    public const int StatesPerPhone = 3;

    /// <summary>All 40 phones in class order: silence first, then the 39 ARPAbet phones alphabetically.</summary>
    public static IReadOnlyList<string> Phones { get; } =
    [
        Silence,
        "aa", "ae", "ah", "ao", "aw", "ay", "b", "ch", "d", "dh",
        "eh", "er", "ey", "f", "g", "hh", "ih", "iy", "jh", "k",
        "l", "m", "n", "ng", "ow", "oy", "p", "r", "s", "sh",
        "t", "th", "uh", "uw", "v", "w", "y", "z", "zh",
    ];

    /// <summary>Number of frame classes (phones × states).</summary>
    public static int ClassCount => Phones.Count * StatesPerPhone;

    private static readonly Dictionary<string, int> s_index =
        Phones.Select((phone, i) => (phone, i)).ToDictionary(p => p.phone, p => p.i, StringComparer.Ordinal);

    /// <summary>Index of a phone (lower-case, no stress digit); throws for names outside the set.</summary>
    public static int IndexOf(string phone) =>
        s_index.TryGetValue(phone, out var index)
            ? index
            : throw new ArgumentException($"'{phone}' is not one of the 40 phones of the label set.", nameof(phone));

    /// <summary>True when the name is one of the 40 phones.</summary>
    public static bool Contains(string phone) => s_index.ContainsKey(phone);

    /// <summary>Frame class of a phone's state (0 = begin, 1 = middle, 2 = end).</summary>
    public static int ClassOf(int phoneIndex, int state) => phoneIndex * StatesPerPhone + state;

    /// <summary>Phone index of a frame class.</summary>
    public static int PhoneOfClass(int classId) => classId / StatesPerPhone;

    /// <summary>Readable name of a frame class, e.g. <c>aa_1</c>.</summary>
    public static string ClassName(int classId) => $"{Phones[classId / StatesPerPhone]}_{classId % StatesPerPhone}";
}
