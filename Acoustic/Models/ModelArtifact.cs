using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// The one-file model format: weights and metadata together, with a checksum over both.
/// Layout: magic <c>ADMODEL2</c> · int32 metadata length · metadata JSON (UTF-8) · int64 weights length ·
/// TorchSharp weights · SHA-256 of everything before it. The file's own SHA-256 is its content address.
/// <para>Format 2 (magic <c>ADMODEL2</c>) carries the class priors in the metadata; it is what is written. Format 1
/// (<c>ADMODEL1</c>, priors in a file beside the artifact) still loads, so such a model can be evaluated and upgraded
/// (<c>acoustic model upgrade</c>), but it has no priors and decoding refuses it. Code that predates format 2 refuses
/// format-2 files (bad magic) rather than decoding them without their priors.</para>
/// </summary>
public sealed class ModelArtifact
{
    private static readonly byte[] s_magic = "ADMODEL2"u8.ToArray();
    private static readonly byte[] s_magicFormat1 = "ADMODEL1"u8.ToArray();

    /// <summary>The format version written by <see cref="Serialize"/>.</summary>
    public const int CurrentFormat = 2;
    private const int HashLength = 32;
    private const int MaxMetadataBytes = 64 << 20;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    private ModelArtifact(ModelMetadata metadata, FrameClassifier model, int format, string name)
    {
        Metadata = metadata;
        Model = model;
        Format = format;
        Name = name;
    }

    /// <summary>What the model is and how to feed it.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The loaded network (in eval mode, on the CPU).</summary>
    public FrameClassifier Model { get; }

    /// <summary>The format version of the file it was read from (1 or <see cref="CurrentFormat"/>).</summary>
    public int Format { get; }

    /// <summary>What the artifact was loaded as (its path, or the name given to <see cref="Deserialize"/>), for messages.</summary>
    public string Name { get; }

    /// <summary>Serialises a model and its metadata to the artifact format.</summary>
    public static byte[] Serialize(FrameClassifier model, ModelMetadata metadata)
    {
        metadata.Validate();
        if (metadata.Architecture != model.Architecture)
        {
            throw new ArgumentException($"Metadata describes {metadata.Architecture} but the model is {model.Architecture}.");
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(metadata, s_json);
        byte[] weights;
        using (var weightStream = new MemoryStream())
        {
            model.save(weightStream); // TorchSharp closes the stream; ToArray still works afterwards.
            weights = weightStream.ToArray();
        }

        using var output = new MemoryStream();
        output.Write(s_magic);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        output.Write(length[..4]);
        output.Write(json);
        BinaryPrimitives.WriteInt64LittleEndian(length, weights.Length);
        output.Write(length);
        output.Write(weights);
        output.Write(SHA256.HashData(output.GetBuffer().AsSpan(0, (int)output.Length)));
        return output.ToArray();
    }

    /// <summary>Writes the artifact to <paramref name="path"/> atomically (temp file, flush to disk, rename).</summary>
    public static void Save(string path, FrameClassifier model, ModelMetadata metadata)
    {
        var bytes = Serialize(model, metadata);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads an artifact file; <see cref="ModelArtifactException"/> if it is missing, corrupt or inconsistent.</summary>
    public static ModelArtifact Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelArtifactException($"Model file '{path}' does not exist.");
        }
        return Deserialize(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads an artifact from bytes; <paramref name="name"/> appears in error messages.</summary>
    public static ModelArtifact Deserialize(ReadOnlySpan<byte> bytes, string name = "model")
    {
        var minimum = s_magic.Length + 4 + 8 + HashLength;
        var format = bytes.Length < minimum ? 0
            : bytes[..s_magic.Length].SequenceEqual(s_magic) ? CurrentFormat
            : bytes[..s_magic.Length].SequenceEqual(s_magicFormat1) ? 1
            : 0;
        if (format == 0)
        {
            throw new ModelArtifactException($"{name} is not an AcousticDistill model file (bad magic or too short: {bytes.Length} bytes).");
        }
        var body = bytes[..^HashLength];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes[^HashLength..]))
        {
            throw new ModelArtifactException($"{name} is corrupt: its checksum does not match its contents.");
        }

        var position = s_magic.Length;
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(body[position..]);
        position += 4;
        if (jsonLength <= 0 || jsonLength > MaxMetadataBytes || position + jsonLength + 8 > body.Length)
        {
            throw new ModelArtifactException($"{name} has an impossible metadata length {jsonLength}.");
        }
        var metadata = ReadMetadata(body.Slice(position, jsonLength), name);
        position += jsonLength;
        var weightsLength = BinaryPrimitives.ReadInt64LittleEndian(body[position..]);
        position += 8;
        if (weightsLength <= 0 || position + weightsLength != body.Length)
        {
            throw new ModelArtifactException($"{name} has an impossible weights length {weightsLength}.");
        }

        var model = new FrameClassifier(metadata.Architecture);
        try
        {
            using var weights = new MemoryStream(body[position..].ToArray(), writable: false);
            model.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            model.Dispose();
            throw new ModelArtifactException($"{name}: the weights do not fit the architecture in its metadata ({ex.Message}).", ex);
        }
        model.eval();
        return new ModelArtifact(metadata, model, format, name);
    }

    private static ModelMetadata ReadMetadata(ReadOnlySpan<byte> json, string name)
    {
        try
        {
            var metadata = JsonSerializer.Deserialize<ModelMetadata>(json, s_json)
                ?? throw new ModelArtifactException($"{name} has empty metadata.");
            metadata.Validate();
            return metadata;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidDataException or NullReferenceException)
        {
            throw new ModelArtifactException($"{name} has invalid metadata: {ex.Message}", ex);
        }
    }

    /// <summary>Lower-case hex SHA-256 of a byte array (the content address of an artifact).</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Readable text of the metadata (for <c>--json</c> outputs and logs).</summary>
    public static string MetadataJson(ModelMetadata metadata) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(metadata, s_json));
}
