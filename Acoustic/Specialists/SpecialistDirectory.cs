using System.Text.Json;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// A specialist set on disk: a copy of the generalist (<c>generalist.adm</c>, so the folder is self-contained), one
/// artifact per specialist (<c>specialist-NN.adm</c>, with its class map and dustbin correction in its metadata), and
/// <c>specialists.json</c> naming them with their content hashes and classes, so a swapped or damaged file is caught.
/// </summary>
public static class SpecialistDirectory
{
    /// <summary>Name of the index file inside a specialist folder.</summary>
    public const string IndexFileName = "specialists.json";

    /// <summary>Name of the generalist's copy inside a specialist folder.</summary>
    public const string GeneralistFileName = "generalist.adm";

    private sealed record Index(ModelEntry Generalist, IReadOnlyList<SpecialistEntry> Specialists);

    private sealed record ModelEntry(string File, string Sha256);

    private sealed record SpecialistEntry(string File, string Sha256, IReadOnlyList<int> Classes, IReadOnlyList<string> ClassNames);

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>File name of specialist <paramref name="index"/> (0-based).</summary>
    public static string SpecialistFileName(int index) => $"specialist-{index:D2}.adm";

    /// <summary>
    /// Metadata of a trained specialist: the generalist's (features, CMVN, labels) with the specialist's shape, its class
    /// map, lineage naming the generalist as teacher, and its dustbin correction and sampling figures as metrics. It has no
    /// class priors: a specialist is never decoded alone (it is combined with its generalist, whose priors serve), and its
    /// enriched training sample would give priors of no use to a decoder.
    /// </summary>
    public static ModelMetadata SpecialistMetadata(ModelMetadata generalist, string generalistSha256, TrainedSpecialist trained,
        string corpus, int seed) => generalist with
    {
        Architecture = trained.Specialist.Model.Architecture,
        ClassMap = trained.Specialist.Classes.ToArray(),
        Priors = null,
        Lineage = new ModelLineage("specialist", [generalistSha256], corpus, null, null, seed, CodeVersion.Current, DateTimeOffset.UtcNow),
        Metrics = new Dictionary<string, double>
        {
            [Specialist.DustbinCorrectionMetric] = trained.Specialist.DustbinLogitCorrection,
            ["enriched_dev_frame_accuracy"] = trained.Report.BestDevFrameAccuracy,
            ["special_frames"] = trained.Sample.SpecialFrames,
            ["sampled_other_frames"] = trained.Sample.SampledOtherFrames,
            ["other_frames"] = trained.Sample.OtherFrames,
            ["parameters"] = trained.Specialist.Model.Architecture.ParameterCount,
        },
    };

    /// <summary>
    /// Writes the folder: the generalist's artifact bytes, each specialist with its metadata, then the index (last, so a
    /// folder with an index is complete). Returns the index path.
    /// </summary>
    public static string Save(string directory, byte[] generalistArtifact, IReadOnlyList<(FrameClassifier Model, ModelMetadata Metadata)> specialists) =>
        Write(directory, generalistArtifact, specialists.Select(s => (ModelArtifact.Serialize(s.Model, s.Metadata), s.Metadata)).ToArray());

    /// <summary>
    /// Writes the folder from artifacts already serialised (e.g. read from a model store), byte for byte, so each keeps its
    /// content hash. Returns the index path.
    /// </summary>
    public static string Save(string directory, byte[] generalistArtifact, IReadOnlyList<byte[]> specialistArtifacts) =>
        Write(directory, generalistArtifact, specialistArtifacts.Select((bytes, i) => (bytes, MetadataOf(bytes, $"specialist {i}"))).ToArray());

    /// <summary>Content hashes of the generalist, then of each specialist in order (lineage of models distilled from the set).</summary>
    public static IReadOnlyList<string> MemberHashes(string directory)
    {
        var index = ReadIndex(directory);
        return [index.Generalist.Sha256, .. index.Specialists.Select(s => s.Sha256)];
    }

    /// <summary>Full paths of the generalist's file, then of each specialist's, in order.</summary>
    public static IReadOnlyList<string> MemberFiles(string directory)
    {
        var index = ReadIndex(directory);
        return [Path.Combine(directory, index.Generalist.File), .. index.Specialists.Select(s => Path.Combine(directory, s.File))];
    }

    private static string Write(string directory, byte[] generalistArtifact, IReadOnlyList<(byte[] Bytes, ModelMetadata Metadata)> specialists)
    {
        if (specialists.Count == 0)
        {
            throw new ArgumentException("There are no specialists to save.");
        }
        Directory.CreateDirectory(directory);
        WriteAtomically(Path.Combine(directory, GeneralistFileName), generalistArtifact);
        var entries = new List<SpecialistEntry>();
        for (var i = 0; i < specialists.Count; i++)
        {
            var (bytes, metadata) = specialists[i];
            var classes = metadata.ClassMap ?? throw new ArgumentException($"Specialist {i} has no class map in its metadata.");
            WriteAtomically(Path.Combine(directory, SpecialistFileName(i)), bytes);
            entries.Add(new SpecialistEntry(SpecialistFileName(i), ModelArtifact.ContentHash(bytes), classes.ToArray(),
                classes.Select(c => metadata.Phones[c / metadata.StatesPerPhone] + "_" + c % metadata.StatesPerPhone).ToArray()));
        }
        var index = new Index(new ModelEntry(GeneralistFileName, ModelArtifact.ContentHash(generalistArtifact)), entries);
        var path = Path.Combine(directory, IndexFileName);
        WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(index, s_json));
        return path;
    }

    private static ModelMetadata MetadataOf(byte[] artifact, string name)
    {
        var loaded = ModelArtifact.Deserialize(artifact, name);
        loaded.Model.Dispose();
        return loaded.Metadata;
    }

    /// <summary>Loads a folder; clear errors for a missing index, a changed file, or members that read different input.</summary>
    public static SpecialistSet Load(string directory)
    {
        var index = ReadIndex(directory);
        var generalist = LoadChecked(directory, index.Generalist.File, index.Generalist.Sha256);
        if (generalist.Metadata.ClassMap is not null)
        {
            throw new ModelArtifactException($"The generalist in '{directory}' is itself a specialist (it has a class map).");
        }
        var specialists = new List<Specialist>();
        foreach (var entry in index.Specialists)
        {
            var artifact = LoadChecked(directory, entry.File, entry.Sha256);
            var name = Path.Combine(directory, entry.File);
            var specialist = Specialist.FromArtifact(artifact, name);
            var metadata = artifact.Metadata;
            if (!metadata.CmvnMean.SequenceEqual(generalist.Metadata.CmvnMean) || !metadata.CmvnInvStd.SequenceEqual(generalist.Metadata.CmvnInvStd)
                || metadata.Features.NumMelBins != generalist.Metadata.Features.NumMelBins
                || metadata.Features.SampleFrequency != generalist.Metadata.Features.SampleFrequency)
            {
                throw new ModelArtifactException($"Specialist '{name}' was trained on other features or CMVN than its generalist.");
            }
            if (!specialist.Classes.SequenceEqual(entry.Classes))
            {
                throw new ModelArtifactException($"Specialist '{name}' covers other classes than {IndexFileName} says.");
            }
            if (specialist.Classes.Any(c => c >= generalist.Model.Architecture.Classes))
            {
                throw new ModelArtifactException($"Specialist '{name}' names classes the generalist does not have.");
            }
            specialists.Add(specialist);
        }
        return new SpecialistSet(generalist.Model, generalist.Metadata, specialists);
    }

    private static ModelArtifact LoadChecked(string directory, string file, string sha256)
    {
        var path = Path.Combine(directory, file);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new ModelArtifactException($"'{path}' is missing.");
        if (ModelArtifact.ContentHash(bytes) != sha256)
        {
            throw new ModelArtifactException($"'{path}' does not match the hash in {IndexFileName}.");
        }
        return ModelArtifact.Deserialize(bytes, path);
    }

    private static Index ReadIndex(string directory)
    {
        var path = Path.Combine(directory, IndexFileName);
        if (!File.Exists(path))
        {
            throw new ModelArtifactException($"'{directory}' is not a specialist set: it has no {IndexFileName}.");
        }
        try
        {
            var index = JsonSerializer.Deserialize<Index>(File.ReadAllText(path), s_json);
            return index is { Generalist: not null, Specialists.Count: > 0 }
                ? index
                : throw new ModelArtifactException($"{path} names no generalist or no specialists.");
        }
        catch (JsonException ex)
        {
            throw new ModelArtifactException($"{path} is not a valid specialist index: {ex.Message}", ex);
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
