using System.Text.Json;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// An ensemble on disk: a folder of member artifacts (<c>member-NN.adm</c>) and <c>ensemble.json</c> naming
/// them in order with their content hashes, so a swapped or damaged member is caught at load.
/// </summary>
public static class EnsembleDirectory
{
    /// <summary>Name of the index file inside an ensemble folder.</summary>
    public const string IndexFileName = "ensemble.json";

    private sealed record Index(IReadOnlyList<MemberEntry> Members);

    private sealed record MemberEntry(string File, string Sha256);

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>File name of member <paramref name="index"/> (0-based).</summary>
    public static string MemberFileName(int index) => $"member-{index:D2}.adm";

    /// <summary>Writes the index for the member files already saved in <paramref name="directory"/>.</summary>
    public static void WriteIndex(string directory, IReadOnlyList<string> memberFiles)
    {
        var entries = memberFiles
            .Select(f => new MemberEntry(f, ModelArtifact.ContentHash(File.ReadAllBytes(Path.Combine(directory, f)))))
            .ToArray();
        var path = Path.Combine(directory, IndexFileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(new Index(entries), s_json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Content hashes of the members, in order (lineage of models distilled from this ensemble).</summary>
    public static IReadOnlyList<string> MemberHashes(string directory) => ReadIndex(directory).Members.Select(m => m.Sha256).ToArray();

    /// <summary>Full paths of the member files, in order.</summary>
    public static IReadOnlyList<string> MemberFiles(string directory) =>
        ReadIndex(directory).Members.Select(m => Path.Combine(directory, m.File)).ToArray();

    /// <summary>Loads every member; clear errors for a missing index, a changed member, or members that read different input.</summary>
    public static Ensemble Load(string directory, int? limit = null)
    {
        var artifacts = LoadArtifacts(directory, limit);
        return new Ensemble(artifacts.Select(a => a.Model).ToArray(), artifacts[0].Metadata);
    }

    /// <summary>
    /// The members' artifacts, in order, each read once and checked against its hash in the index; clear errors for a
    /// missing index, a missing or changed member, or members that read different input.
    /// </summary>
    public static IReadOnlyList<ModelArtifact> LoadArtifacts(string directory, int? limit = null)
    {
        var index = ReadIndex(directory);
        var artifacts = new List<ModelArtifact>();
        foreach (var entry in index.Members.Take(limit ?? int.MaxValue))
        {
            var path = Path.Combine(directory, entry.File);
            var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new ModelArtifactException($"Ensemble member '{path}' is missing.");
            if (ModelArtifact.ContentHash(bytes) != entry.Sha256)
            {
                throw new ModelArtifactException($"Ensemble member '{path}' does not match the hash in {IndexFileName}.");
            }
            artifacts.Add(ModelArtifact.Deserialize(bytes, path));
        }
        var first = artifacts[0].Metadata;
        foreach (var other in artifacts.Skip(1).Select(a => a.Metadata))
        {
            if (!other.CmvnMean.SequenceEqual(first.CmvnMean) || !other.CmvnInvStd.SequenceEqual(first.CmvnInvStd)
                || other.Features.NumMelBins != first.Features.NumMelBins
                || other.Features.SampleFrequency != first.Features.SampleFrequency)
            {
                throw new ModelArtifactException($"Ensemble members in '{directory}' were trained on different features or CMVN.");
            }
        }
        return artifacts;
    }

    private static Index ReadIndex(string directory)
    {
        var path = Path.Combine(directory, IndexFileName);
        if (!File.Exists(path))
        {
            throw new ModelArtifactException($"'{directory}' is not an ensemble: it has no {IndexFileName}.");
        }
        try
        {
            var index = JsonSerializer.Deserialize<Index>(File.ReadAllText(path), s_json);
            return index is { Members.Count: > 0 } ? index : throw new ModelArtifactException($"{path} lists no members.");
        }
        catch (JsonException ex)
        {
            throw new ModelArtifactException($"{path} is not a valid ensemble index: {ex.Message}", ex);
        }
    }
}
