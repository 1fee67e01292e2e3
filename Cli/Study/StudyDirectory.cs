using System.Text.Json;

namespace AcousticDistill.Cli.Study;

/// <summary>
/// A study on disk: <c>study-manifest.json</c> (its <see cref="StudyConfig"/>), one checkpoint file per finished row
/// under <c>checkpoints/seed-N/</c>, each trained model a later step needs under <c>models/seed-N/</c>, and
/// <c>runs.jsonl</c> with the wall time and device of every run that worked on it. Every file is written to a temporary
/// name and renamed, so a run killed at any point leaves either the whole file or none: a checkpoint that exists is finished.
/// </summary>
internal sealed class StudyDirectory
{
    public const string ManifestFileName = "study-manifest.json";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions s_jsonLine = new(s_json) { WriteIndented = false };

    private StudyDirectory(string path, StudyConfig config)
    {
        Path = path;
        Config = config;
    }

    public string Path { get; }

    public StudyConfig Config { get; }

    /// <summary>Starts a new study in <paramref name="path"/>, which must not hold one already.</summary>
    public static StudyDirectory Create(string path, StudyConfig config)
    {
        if (File.Exists(System.IO.Path.Combine(path, ManifestFileName)))
        {
            throw new ArgumentException($"'{path}' already holds a study; continue it with --resume {path}, or choose another --out.");
        }
        Directory.CreateDirectory(path);
        WriteAtomically(System.IO.Path.Combine(path, ManifestFileName), JsonSerializer.Serialize(config, s_json));
        return new StudyDirectory(path, config);
    }

    /// <summary>Replaces the manifest of the study in <paramref name="path"/> (paths that moved, seeds added).</summary>
    public static StudyDirectory Rewrite(string path, StudyConfig config)
    {
        Open(path);
        WriteAtomically(System.IO.Path.Combine(path, ManifestFileName), JsonSerializer.Serialize(config, s_json));
        return new StudyDirectory(path, config);
    }

    /// <summary>Opens the study in <paramref name="path"/> to continue it.</summary>
    public static StudyDirectory Open(string path)
    {
        var manifest = System.IO.Path.Combine(path, ManifestFileName);
        if (!File.Exists(manifest))
        {
            throw new ArgumentException($"'{path}' holds no study ({ManifestFileName} is missing); start one with --out {path}.");
        }
        var config = JsonSerializer.Deserialize<StudyConfig>(File.ReadAllText(manifest), s_json)
            ?? throw new InvalidDataException($"{manifest} is empty.");
        return new StudyDirectory(path, config);
    }

    /// <summary>The finished row of step <paramref name="key"/> for <paramref name="seed"/>, or null when not yet done.</summary>
    public StudyRow? FinishedRow(int seed, string key)
    {
        var file = CheckpointPath(seed, key);
        return File.Exists(file) ? JsonSerializer.Deserialize<StudyRow>(File.ReadAllText(file), s_json) : null;
    }

    /// <summary>Marks step <paramref name="key"/> of <paramref name="seed"/> finished with <paramref name="row"/>.</summary>
    public StudyRow Finish(int seed, string key, StudyRow row)
    {
        var file = CheckpointPath(seed, key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        WriteAtomically(file, JsonSerializer.Serialize(row, s_json));
        return row;
    }

    /// <summary>Where the model of step <paramref name="key"/> of <paramref name="seed"/> is kept.</summary>
    public string ModelPath(int seed, string key)
    {
        var folder = System.IO.Path.Combine(Path, "models", $"seed-{seed}");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, key + ".adm");
    }

    /// <summary>Writes a model's bytes under <see cref="ModelPath"/> atomically.</summary>
    public void SaveModel(int seed, string key, byte[] artifact)
    {
        var path = ModelPath(seed, key);
        File.WriteAllBytes(path + ".tmp", artifact);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Number of finished steps over all seeds.</summary>
    public int FinishedSteps() =>
        Directory.Exists(System.IO.Path.Combine(Path, "checkpoints"))
            ? Directory.GetFiles(System.IO.Path.Combine(Path, "checkpoints"), "*.json", SearchOption.AllDirectories).Length
            : 0;

    /// <summary>Appends one line about a finished or interrupted run (wall time, device, steps done).</summary>
    public void LogRun(object run) =>
        File.AppendAllText(System.IO.Path.Combine(Path, "runs.jsonl"), JsonSerializer.Serialize(run, s_jsonLine) + "\n");

    /// <summary>The runs logged so far.</summary>
    public IReadOnlyList<JsonElement> Runs()
    {
        var file = System.IO.Path.Combine(Path, "runs.jsonl");
        return File.Exists(file)
            ? File.ReadAllLines(file).Select(ParseOrNull).OfType<JsonElement>().ToArray()
            : [];

        // A run killed while appending leaves a partial last line; it is skipped, not fatal.
        static JsonElement? ParseOrNull(string line)
        {
            try
            {
                return line.Length == 0 ? null : JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Writes a report file into the study directory atomically.</summary>
    public void WriteReport(string name, string text) => WriteAtomically(System.IO.Path.Combine(Path, name), text);

    public static string Serialize(object value) => JsonSerializer.Serialize(value, s_json);

    /// <summary>A value as the JSON element <c>runs.jsonl</c> would hold.</summary>
    public static JsonElement ToElement(object value) => JsonSerializer.SerializeToElement(value, s_jsonLine);

    private string CheckpointPath(int seed, string key) => System.IO.Path.Combine(Path, "checkpoints", $"seed-{seed}", key + ".json");

    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
