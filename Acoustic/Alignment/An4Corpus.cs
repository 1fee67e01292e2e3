namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// The CMU AN4 census database as distributed (sphinx layout): <c>etc/an4_{train,test}.fileids</c> list the audio
/// paths under <c>wav/</c> without extension, <c>etc/an4_{train,test}.transcription</c> hold one
/// <c>[&lt;s&gt;] WORDS [&lt;/s&gt;] (file-id)</c> line per utterance, the audio is headerless 16-bit 16 kHz PCM,
/// big-endian (the original README says little-endian; read that way the files are noise), and the speaker is the
/// folder the file is in. <c>etc/an4.dic</c> is its pronunciation dictionary.
/// </summary>
public static class An4Corpus
{
    /// <summary>How AN4's <c>.raw</c> files are laid out.</summary>
    public static readonly RawPcmFormat AudioFormat = new(16_000, BigEndian: true);

    /// <summary>The training set (948 utterances, 74 speakers in the complete corpus).</summary>
    public const string Train = "train";

    /// <summary>The standard test set (130 utterances, 10 speakers none of whom are in train).</summary>
    public const string Test = "test";

    /// <summary>Path of the corpus's own dictionary.</summary>
    public static string DictionaryPath(string an4Directory) => Path.Combine(an4Directory, "etc", "an4.dic");

    /// <summary>The files of one set (<see cref="Train"/> or <see cref="Test"/>), in the file-id list's order.</summary>
    public static IReadOnlyList<TranscribedFile> Load(string an4Directory, string set)
    {
        if (set is not (Train or Test))
        {
            throw new ArgumentException($"AN4 has the sets '{Train}' and '{Test}', not '{set}'.");
        }
        if (!Directory.Exists(an4Directory))
        {
            throw new DirectoryNotFoundException($"AN4 folder '{an4Directory}' does not exist.");
        }
        var fileIds = Required(Path.Combine(an4Directory, "etc", $"an4_{set}.fileids"));
        var transcripts = ReadTranscripts(Required(Path.Combine(an4Directory, "etc", $"an4_{set}.transcription")));
        var files = new List<TranscribedFile>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(fileIds))
        {
            lineNumber++;
            var relative = line.Trim();
            if (relative.Length == 0)
            {
                continue;
            }
            var id = Path.GetFileName(relative);
            if (!transcripts.TryGetValue(id, out var text))
            {
                throw new InvalidDataException($"{fileIds}:{lineNumber}: '{id}' has no line in an4_{set}.transcription.");
            }
            var audio = Path.Combine(an4Directory, "wav", relative + ".raw");
            if (!File.Exists(audio))
            {
                throw new FileNotFoundException($"{fileIds}:{lineNumber}: the audio '{audio}' does not exist.", audio);
            }
            var speaker = Path.GetFileName(Path.GetDirectoryName(relative)) is { Length: > 0 } folder ? folder : "unknown";
            files.Add(new TranscribedFile(audio, id, speaker, text) { Raw = AudioFormat });
        }
        return files.Count > 0 ? files : throw new InvalidDataException($"{fileIds} lists no files.");
    }

    /// <summary>
    /// Speakers of the training set held out as a development set: every <paramref name="every"/>-th speaker in name
    /// order (deterministic, so every run carves the same dev set; AN4 test speakers are never involved).
    /// </summary>
    public static IReadOnlySet<string> DevSpeakers(IReadOnlyList<TranscribedFile> trainFiles, int every)
    {
        if (every < 2)
        {
            throw new ArgumentException($"Every n-th speaker for dev needs n ≥ 2, got {every}.");
        }
        return trainFiles.Select(f => f.Speaker).Distinct().Order(StringComparer.Ordinal)
            .Where((_, index) => index % every == every - 1).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The words of a transcription line without <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> and the trailing <c>(file-id)</c>.</summary>
    public static (string Id, string Text) ParseTranscriptionLine(string line)
    {
        var trimmed = line.Trim();
        var open = trimmed.LastIndexOf('(');
        var id = open >= 0 && trimmed.EndsWith(')') ? trimmed[(open + 1)..^1].Trim() : "";
        if (id.Length == 0)
        {
            throw new InvalidDataException($"expected 'WORDS (file-id)', got '{trimmed}'.");
        }
        var words = trimmed[..open].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not "<s>" and not "</s>" and not "<sil>");
        return (id, string.Join(' ', words));
    }

    private static Dictionary<string, string> ReadTranscripts(string path)
    {
        var transcripts = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            try
            {
                var (id, text) = ParseTranscriptionLine(line);
                if (text.Length == 0)
                {
                    throw new InvalidDataException($"'{id}' has no words.");
                }
                if (!transcripts.TryAdd(id, text))
                {
                    throw new InvalidDataException($"'{id}' is transcribed twice.");
                }
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return transcripts;
    }

    private static string Required(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"'{path}' does not exist: is this the AN4 folder (etc/ and wav/)?", path);
}
