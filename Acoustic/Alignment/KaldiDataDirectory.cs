namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// Reads a Kaldi-style data directory, the common layout that LibriSpeech, Common Voice and most speech recipes can be
/// turned into, as the input of <see cref="TranscribedCorpusImporter"/>:
/// <list type="bullet">
/// <item><c>wav.scp</c> (required): <c>utt-id path.wav</c>. A relative path is taken relative to the data directory
/// (not to the recipe folder, as Kaldi does). Piped commands (<c>sox … - |</c>, <c>flac -c -d … |</c>) are refused: this
/// tool runs no shell commands, so convert the audio to WAV files with sox first.</item>
/// <item><c>text</c> (required): <c>utt-id words…</c>.</item>
/// <item><c>utt2spk</c> (optional): <c>utt-id speaker</c>. Without it each utterance is its own speaker (speaker =
/// utterance id), as Kaldi does for data without speaker information; speaker-disjoint splits then need it.
/// Speakers of utterances not in <c>wav.scp</c> are ignored.</item>
/// </list>
/// Every utterance must have both audio and text; <c>segments</c> (several utterances cut from one recording) is not
/// supported. Problems are errors naming the file and line, found before any audio is aligned.
/// </summary>
public static class KaldiDataDirectory
{
    /// <summary>A sox command that turns any audio sox reads into the 16-bit mono WAV this tool reads.</summary>
    public const string SoxExample = "sox input.flac -r 16000 -c 1 -b 16 output.wav";

    private const int IdsShown = 5;

    /// <summary>The directory's utterances, sorted by utterance id (ordinal, like Kaldi's <c>LC_ALL=C</c> sort).</summary>
    public static IReadOnlyList<TranscribedFile> Load(string dataDir)
    {
        if (!Directory.Exists(dataDir))
        {
            throw new DirectoryNotFoundException($"Kaldi data directory '{dataDir}' does not exist.");
        }
        var segments = Path.Combine(dataDir, "segments");
        if (File.Exists(segments))
        {
            throw new InvalidDataException(
                $"{segments}: segments files are not supported; cut each utterance into its own WAV file and list those in wav.scp.");
        }
        var wavScp = ReadRequired(dataDir, "wav.scp", "utt-id path.wav");
        var text = ReadRequired(dataDir, "text", "utt-id words…");
        RefusePipes(wavScp.Path, wavScp.Entries.Values);
        RequireSameUtterances(wavScp.Path, wavScp.Entries, text.Path, text.Entries);
        var speakers = ReadSpeakers(dataDir, wavScp.Path, wavScp.Entries);

        var files = new List<TranscribedFile>(wavScp.Entries.Count);
        foreach (var audio in wavScp.Entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            RequireFileName(wavScp.Path, audio.LineNumber, "utterance id", audio.Key);
            var path = Path.GetFullPath(Path.IsPathRooted(audio.Value) ? audio.Value : Path.Combine(dataDir, audio.Value));
            RequireWav(wavScp.Path, audio.LineNumber, audio.Key, path);
            var words = string.Join(' ', text.Entries[audio.Key].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            files.Add(new TranscribedFile(path, audio.Key, speakers?[audio.Key] ?? audio.Key, words));
        }
        return files.Count > 0 ? files : throw new InvalidDataException($"{wavScp.Path} lists no utterances.");
    }

    private static (string Path, IReadOnlyDictionary<string, KaldiTableEntry> Entries) ReadRequired(string dataDir, string name, string expected)
    {
        var path = Path.Combine(dataDir, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist; a Kaldi data directory needs wav.scp (utt-id path.wav) and text (utt-id words…).", path);
        }
        return (path, KaldiTableFile.Read(path, expected));
    }

    private static void RefusePipes(string wavScp, IEnumerable<KaldiTableEntry> entries)
    {
        var piped = entries.OrderBy(e => e.LineNumber).FirstOrDefault(e => e.Value.EndsWith('|'));
        if (piped is not null)
        {
            throw new InvalidDataException(
                $"{wavScp}:{piped.LineNumber}: utterance '{piped.Key}' is a piped command ('{piped.Value}'); this tool reads WAV files only. " +
                $"Convert the audio to WAV with sox first, e.g. '{SoxExample}', and list the WAV paths in wav.scp.");
        }
    }

    // Both directions in one message, so a user fixes the directory in one go.
    private static void RequireSameUtterances(string wavScp, IReadOnlyDictionary<string, KaldiTableEntry> audio,
                                              string textPath, IReadOnlyDictionary<string, KaldiTableEntry> text)
    {
        var withoutAudio = text.Values.Where(e => !audio.ContainsKey(e.Key)).OrderBy(e => e.LineNumber).ToList();
        var withoutText = audio.Values.Where(e => !text.ContainsKey(e.Key)).OrderBy(e => e.LineNumber).ToList();
        var problems = new List<string>();
        if (withoutAudio.Count > 0)
        {
            problems.Add($"{withoutAudio.Count} utterance(s) in {textPath} have no audio in wav.scp: {Describe(withoutAudio)}");
        }
        if (withoutText.Count > 0)
        {
            problems.Add($"{withoutText.Count} utterance(s) in {wavScp} have no transcript in text: {Describe(withoutText)}");
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join("; ", problems) + ".");
        }
    }

    private static Dictionary<string, string>? ReadSpeakers(string dataDir, string wavScp, IReadOnlyDictionary<string, KaldiTableEntry> audio)
    {
        var path = Path.Combine(dataDir, "utt2spk");
        if (!File.Exists(path))
        {
            return null;
        }
        var entries = KaldiTableFile.Read(path, "utt-id speaker");
        var malformed = entries.Values.OrderBy(e => e.LineNumber).FirstOrDefault(e => e.Value.IndexOfAny([' ', '\t']) >= 0);
        if (malformed is not null)
        {
            throw new InvalidDataException($"{path}:{malformed.LineNumber}: expected 'utt-id speaker', got '{malformed.Key} {malformed.Value}'.");
        }
        var withoutSpeaker = audio.Values.Where(e => !entries.ContainsKey(e.Key)).OrderBy(e => e.LineNumber).ToList();
        if (withoutSpeaker.Count > 0)
        {
            throw new InvalidDataException($"{path}: {withoutSpeaker.Count} utterance(s) of {wavScp} have no speaker: {Describe(withoutSpeaker)}.");
        }
        foreach (var entry in entries.Values.Where(e => audio.ContainsKey(e.Key)))
        {
            RequireFileName(path, entry.LineNumber, "speaker", entry.Value);
        }
        return entries.Values.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    // Utterance ids and speakers become folder and file names of the corpus, so they must not leave it.
    private static void RequireFileName(string file, int lineNumber, string what, string name)
    {
        if (name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\'))
        {
            throw new InvalidDataException($"{file}:{lineNumber}: {what} '{name}' cannot be used as a file name (no slashes, '.' or '..').");
        }
    }

    private static void RequireWav(string wavScp, int lineNumber, string utterance, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{wavScp}:{lineNumber}: audio of utterance '{utterance}', '{path}', does not exist.", path);
        }
        Span<byte> header = stackalloc byte[12];
        using (var stream = File.OpenRead(path))
        {
            var got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (got == header.Length && header[..4].SequenceEqual("RIFF"u8) && header[8..].SequenceEqual("WAVE"u8))
            {
                return;
            }
        }
        throw new InvalidDataException(
            $"{wavScp}:{lineNumber}: audio of utterance '{utterance}', '{path}', is not a RIFF/WAVE file; convert it with sox first, e.g. '{SoxExample}'.");
    }

    private static string Describe(IReadOnlyList<KaldiTableEntry> entries)
    {
        var shown = string.Join(", ", entries.Take(IdsShown).Select(e => $"'{e.Key}' (line {e.LineNumber})"));
        return entries.Count > IdsShown ? shown + ", …" : shown;
    }
}
