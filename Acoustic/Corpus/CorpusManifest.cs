using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// The index of a corpus folder (<c>manifest.json</c>): its sample rate, where it came from, and every
/// utterance with speaker and split. Audio and alignments live in TIMIT-like files beside it.
/// </summary>
public sealed record CorpusManifest(
    string Name,
    int SampleRate,
    string Source,
    IReadOnlyList<UtteranceEntry> Utterances)
{
    /// <summary>File name of the manifest inside a corpus folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Utterances of one split.</summary>
    public IEnumerable<UtteranceEntry> InSplit(CorpusSplit split) => Utterances.Where(u => u.Split == split);

    /// <summary>Reads <c>manifest.json</c> from a corpus folder; a clear error if it is missing or malformed.</summary>
    public static CorpusManifest Load(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"'{corpusDirectory}' is not a corpus: it has no {FileName}.");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(path), s_json)
                ?? throw new InvalidDataException($"{path} is empty.");
            if (manifest.SampleRate <= 0 || manifest.Utterances is null)
            {
                throw new InvalidDataException($"{path} lacks a sample_rate or utterances.");
            }
            return manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid corpus manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Writes <c>manifest.json</c> atomically (temp file + rename).</summary>
    public void Save(string corpusDirectory)
    {
        Directory.CreateDirectory(corpusDirectory);
        var path = Path.Combine(corpusDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, s_json));
        File.Move(temp, path, overwrite: true);
    }
}
