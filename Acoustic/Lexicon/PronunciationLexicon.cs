using System.Globalization;

namespace AcousticDistill.Acoustic.Lexicon;

/// <summary>
/// Word → pronunciations, read from a CMUdict-format file (<c>word PH1 PH2 …</c>, alternates as <c>word(2)</c>,
/// stress digits allowed and dropped, <c>;;;</c> and <c>#</c> comments ignored). Phones are mapped to the
/// 40-phone label set by lower-casing and stripping stress, which is exactly the CMU ARPAbet the set is built on.
/// Immutable once loaded, so one instance is shared by every aligner and decoder: <see cref="Shared"/> loads
/// Debian's <c>pocketsphinx-en-us</c> copy once per process. Words are case-insensitive.
/// </summary>
public sealed class PronunciationLexicon
{
    /// <summary>Where Debian's <c>pocketsphinx-en-us</c> package installs CMUdict.</summary>
    public const string DebianCmudictPath = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    private static readonly Lazy<PronunciationLexicon> s_shared = new(() => Load(DebianCmudictPath));
    private static readonly Dictionary<string, PronunciationLexicon> s_byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pronunciation[]> _entries;
    private readonly Dictionary<string, Pronunciation[]> _guessed;

    private PronunciationLexicon(Dictionary<string, Pronunciation[]> entries, string name, Dictionary<string, Pronunciation[]>? guessed = null)
    {
        _entries = entries;
        _guessed = guessed ?? new Dictionary<string, Pronunciation[]>(StringComparer.Ordinal);
        Name = name;
    }

    /// <summary>Words whose pronunciation was guessed by letter-to-sound rules (<see cref="WithGuesses"/>), not looked up.</summary>
    public IReadOnlyCollection<string> GuessedWords => _guessed.Keys;

    /// <summary>
    /// This lexicon and, for words it lacks, the pronunciations in <paramref name="guesses"/> (from letter-to-sound
    /// rules, <see cref="EspeakLetterToSound"/>), which <see cref="GuessedWords"/> then lists. The dictionary itself is
    /// shared, not copied: a phrase list's few guessed words cost only themselves.
    /// </summary>
    public PronunciationLexicon WithGuesses(IReadOnlyDictionary<string, IReadOnlyList<int>> guesses)
    {
        ArgumentNullException.ThrowIfNull(guesses);
        var guessed = new Dictionary<string, Pronunciation[]>(_guessed, StringComparer.Ordinal);
        foreach (var (word, phones) in guesses)
        {
            var key = Normalize(word);
            if (!_entries.ContainsKey(key) && phones.Count > 0)
            {
                guessed[key] = [new Pronunciation(key, 1, phones.ToArray())];
            }
        }
        return new PronunciationLexicon(_entries, Name, guessed);
    }

    /// <summary>Where the lexicon came from (for error messages).</summary>
    public string Name { get; }

    /// <summary>Number of distinct words.</summary>
    public int WordCount => _entries.Count;

    /// <summary>CMUdict from <see cref="DebianCmudictPath"/>, read on first use and shared by everyone after that.</summary>
    public static PronunciationLexicon Shared => s_shared.Value;

    /// <summary>
    /// The lexicon at <paramref name="path"/>, or <see cref="Shared"/> when null; each file is read once per process.
    /// </summary>
    public static PronunciationLexicon LoadShared(string? path)
    {
        if (path is null || path == DebianCmudictPath)
        {
            return Shared;
        }
        var full = Path.GetFullPath(path);
        lock (s_byPath)
        {
            if (!s_byPath.TryGetValue(full, out var lexicon))
            {
                lexicon = Load(full);
                s_byPath[full] = lexicon;
            }
            return lexicon;
        }
    }

    /// <summary>Reads a CMUdict-format file; a clear error for a missing file or a malformed line.</summary>
    public static PronunciationLexicon Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Pronunciation lexicon '{path}' does not exist (Debian's pocketsphinx-en-us package installs CMUdict at {DebianCmudictPath}).", path);
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses CMUdict-format text; <paramref name="name"/> appears in error messages.</summary>
    public static PronunciationLexicon Parse(TextReader reader, string name)
    {
        var building = new Dictionary<string, List<Pronunciation>>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = StripComment(line);
            var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }
            if (parts.Length == 1)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: the word '{parts[0]}' has no phones.");
            }
            var (word, variant) = SplitVariant(parts[0], name, lineNumber);
            var phones = new int[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++)
            {
                phones[i - 1] = MapPhone(parts[i], name, lineNumber);
            }
            if (!building.TryGetValue(word, out var list))
            {
                list = [];
                building[word] = list;
            }
            list.Add(new Pronunciation(word, variant, phones));
        }
        var entries = building.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderBy(p => p.Variant).ToArray(),
            StringComparer.Ordinal);
        return new PronunciationLexicon(entries, name);
    }

    /// <summary>
    /// This lexicon, with <paramref name="fallback"/>'s pronunciations for the words this one lacks (a corpus's own
    /// dictionary filling CMUdict's gaps); where both have a word, this one's pronunciations win.
    /// </summary>
    public PronunciationLexicon WithFallback(PronunciationLexicon fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var merged = new Dictionary<string, Pronunciation[]>(_entries, StringComparer.Ordinal);
        foreach (var (word, pronunciations) in fallback._entries)
        {
            merged.TryAdd(word, pronunciations);
        }
        return new PronunciationLexicon(merged, $"{Name} (with {fallback.Name} for the words it lacks)");
    }

    /// <summary>True when the word has at least one pronunciation.</summary>
    public bool Contains(string word) => _entries.ContainsKey(Normalize(word)) || _guessed.ContainsKey(Normalize(word));

    /// <summary>All pronunciations of a word, main entry first; <see cref="UnknownWordException"/> if it has none.</summary>
    public IReadOnlyList<Pronunciation> Lookup(string word)
    {
        var key = Normalize(word);
        return _entries.TryGetValue(key, out var pronunciations) || _guessed.TryGetValue(key, out pronunciations)
            ? pronunciations
            : throw new UnknownWordException(key, Name);
    }

    /// <summary>Lower-cased words of a transcript (split on white space, surrounding punctuation dropped).</summary>
    public static IReadOnlyList<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Normalize(w.Trim('.', ',', '!', '?', ';', ':', '"')))
            .Where(w => w.Length > 0)
            .ToArray();

    private static string Normalize(string word) => word.ToLowerInvariant();

    private static string StripComment(string line)
    {
        if (line.StartsWith(";;;", StringComparison.Ordinal))
        {
            return "";
        }
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static (string Word, int Variant) SplitVariant(string token, string name, int lineNumber)
    {
        var open = token.LastIndexOf('(');
        if (open <= 0 || !token.EndsWith(')'))
        {
            return (Normalize(token), 1);
        }
        var number = token[(open + 1)..^1];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var variant) || variant < 1)
        {
            throw new InvalidDataException($"{name}:{lineNumber}: '{token}' has an alternate number that is not a positive integer.");
        }
        return (Normalize(token[..open]), variant);
    }

    private static int MapPhone(string phone, string name, int lineNumber)
    {
        var bare = phone.TrimEnd('0', '1', '2').ToLowerInvariant();
        if (bare == PhoneSet.Silence || !PhoneSet.Contains(bare))
        {
            throw new InvalidDataException($"{name}:{lineNumber}: '{phone}' is not a CMU ARPAbet phone of the 40-phone set.");
        }
        return PhoneSet.IndexOf(bare);
    }
}
