using System.Globalization;

namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// An audio file (WAV, or headerless PCM when <see cref="Raw"/> says so) with what is said in it and who says it; the
/// input of <see cref="TranscribedCorpusImporter"/>.
/// </summary>
public sealed record TranscribedFile(string AudioPath, string UtteranceId, string Speaker, string Text)
{
    /// <summary>Set for headerless PCM files (their rate and byte order); null for WAV files.</summary>
    public RawPcmFormat? Raw { get; init; }

    /// <summary>The audio at <paramref name="sampleRate"/>, resampled when the file is at another rate.</summary>
    public float[] ReadSamples(int sampleRate)
    {
        var (samples, rate) = ReadSamplesAtItsRate();
        return rate == sampleRate ? samples : SampleRateConverter.Convert(samples, rate, sampleRate);
    }

    /// <summary>The audio at the file's own rate.</summary>
    public (float[] Samples, int SampleRate) ReadSamplesAtItsRate() =>
        Raw is null ? WavDecoder.DecodeFileAtItsRate(AudioPath) : (RawPcmReader.ReadFile(AudioPath, Raw), Raw.SampleRate);

    private static readonly string[] s_digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>
    /// The Free Spoken Digit Dataset's layout: <c>{digit}_{speaker}_{index}.wav</c> in one folder, the digit spoken as
    /// its English word. Files not named that way are a clear error (not silently skipped).
    /// </summary>
    public static IReadOnlyList<TranscribedFile> FromFsdd(string directory)
    {
        RequireDirectory(directory);
        var files = new List<TranscribedFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.wav").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var parts = name.Split('_');
            if (parts.Length != 3 || parts[0].Length != 1 || !char.IsAsciiDigit(parts[0][0]) || parts[1].Length == 0
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new InvalidDataException($"'{Path.GetFileName(path)}' is not named like FSDD's {{digit}}_{{speaker}}_{{index}}.wav.");
            }
            files.Add(new TranscribedFile(path, name, parts[1], s_digitWords[parts[0][0] - '0']));
        }
        return files.Count > 0 ? files : throw new InvalidDataException($"'{directory}' has no .wav files.");
    }

    /// <summary>
    /// A transcript list: one line per file, <c>relative/path.wav transcript words…</c> (tab or spaces after the path);
    /// the speaker is the name of the file's folder (or "unknown" for files directly in <paramref name="directory"/>).
    /// </summary>
    public static IReadOnlyList<TranscribedFile> FromList(string directory, string listPath)
    {
        RequireDirectory(directory);
        if (!File.Exists(listPath))
        {
            throw new FileNotFoundException($"Transcript list '{listPath}' does not exist.", listPath);
        }
        var files = new List<TranscribedFile>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(listPath))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var split = trimmed.IndexOfAny([' ', '\t']);
            if (split < 0)
            {
                throw new InvalidDataException($"{listPath}:{lineNumber}: expected 'path.wav transcript', got '{trimmed}'.");
            }
            var relative = trimmed[..split];
            var audio = Path.Combine(directory, relative);
            if (!File.Exists(audio))
            {
                throw new FileNotFoundException($"{listPath}:{lineNumber}: '{audio}' does not exist.", audio);
            }
            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(audio))!);
            var speaker = Path.GetDirectoryName(relative) is { Length: > 0 } ? folder : "unknown";
            var id = Path.GetFileNameWithoutExtension(relative);
            files.Add(new TranscribedFile(audio, id, speaker, trimmed[(split + 1)..].Trim()));
        }
        var duplicate = files.GroupBy(f => (f.Speaker, f.UtteranceId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{listPath}: utterance '{duplicate.Key.UtteranceId}' of speaker '{duplicate.Key.Speaker}' is listed twice.");
        }
        return files.Count > 0 ? files : throw new InvalidDataException($"{listPath} lists no files.");
    }

    private static void RequireDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Folder '{directory}' does not exist.");
        }
    }
}
