using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Extracted corpus splits kept on disk, keyed by everything they depend on (the corpus folder, its manifest's bytes, the
/// split and the feature settings), so work split into stages — a distillation job's soft targets, training and
/// evaluation — extracts each split once. Files are written whole to a temporary name and renamed into place.
/// </summary>
public sealed class FeatureCache(string directory)
{
    private const int FormatVersion = 1;

    /// <summary>The cached features of <paramref name="split"/> if present, else <paramref name="extract"/>'s, stored.</summary>
    public SplitFeatures GetOrExtract(string corpusDirectory, CorpusSplit split, FbankOptions features, Func<SplitFeatures> extract)
    {
        var path = Path.Combine(directory, $"features-{Key(corpusDirectory, split, features)}.bin");
        if (File.Exists(path))
        {
            try
            {
                return Read(path);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException)
            {
                // A damaged cache file is only a cache miss.
            }
        }
        var extracted = extract();
        Write(path, extracted);
        return extracted;
    }

    private static string Key(string corpusDirectory, CorpusSplit split, FbankOptions features)
    {
        var manifest = File.ReadAllBytes(Path.Combine(corpusDirectory, CorpusManifest.FileName));
        var parts = string.Join('\u001f', Path.GetFullPath(corpusDirectory), Convert.ToHexString(SHA256.HashData(manifest)), split,
            JsonSerializer.Serialize(features), FormatVersion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)))[..32];
    }

    private static SplitFeatures Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path} is not a feature cache file of version {FormatVersion}.");
        }
        var dim = reader.ReadInt32();
        var audioSeconds = reader.ReadDouble();
        var count = reader.ReadInt32();
        var hasLabels = reader.ReadBoolean();
        var ids = new string[count];
        var features = new float[count][];
        var labels = hasLabels ? new int[count][] : null;
        for (var i = 0; i < count; i++)
        {
            ids[i] = reader.ReadString();
            var frames = reader.ReadInt32();
            features[i] = new float[frames * dim];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(features[i].AsSpan()));
            if (labels is not null)
            {
                labels[i] = new int[frames];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(labels[i].AsSpan()));
            }
        }
        return new SplitFeatures(ids, features, labels, dim, audioSeconds);
    }

    private void Write(string path, SplitFeatures split)
    {
        Directory.CreateDirectory(directory);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
        {
            writer.Write(FormatVersion);
            writer.Write(split.Dim);
            writer.Write(split.AudioSeconds);
            writer.Write(split.Features.Count);
            writer.Write(split.Labels is not null);
            for (var i = 0; i < split.Features.Count; i++)
            {
                writer.Write(split.UtteranceIds[i]);
                writer.Write(split.Features[i].Length / split.Dim);
                writer.Write(MemoryMarshal.AsBytes(split.Features[i].AsSpan()));
                if (split.Labels is not null)
                {
                    writer.Write(MemoryMarshal.AsBytes(split.Labels[i].AsSpan()));
                }
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
