using System.Runtime.InteropServices;
using System.Text;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// The project's own binary form of a <see cref="NgramLanguageModel"/> (<c>.adlm</c>): the trie's arrays as they lie in
/// memory, little-endian, so loading is a few bulk reads (the 72 k-word general English trigram loads in well under a
/// second) instead of parsing 90 MB of ARPA text. Layout: magic <c>ADLM0001</c>; int32 order; int32 vocabulary size;
/// int32 count per order; int32 byte length of the vocabulary, then the words, UTF-8, each ended by a NUL; then for
/// each level: last words (levels above 0), natural-log probabilities, and below the highest order back-off weights
/// and child starts (count + 1). Every count is checked against the file's length before anything is allocated, and
/// the trie's invariants (child ranges in order, words sorted in each range, finite weights) are checked after, so a
/// truncated or damaged file is refused with an error naming the problem.
/// </summary>
public static class CompactLanguageModelFile
{
    /// <summary>The file's first eight bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "ADLM0001"u8;

    /// <summary>Default refusal size: a model whose arrays need more bytes than this is not loaded.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (a temporary file renamed into place).</summary>
    public static void Save(NgramLanguageModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(model.Order);
            writer.Write(model.Words.Count);
            foreach (var count in model.Counts)
            {
                writer.Write(count);
            }
            var vocabulary = Encoding.UTF8.GetBytes(string.Concat(model.Words.Select(w => w + "\0")));
            writer.Write(vocabulary.Length);
            writer.Write(vocabulary);
            for (var k = 0; k < model.Order; k++)
            {
                var level = model.Level(k);
                if (k > 0)
                {
                    writer.Write(MemoryMarshal.AsBytes(level.Word.AsSpan()));
                }
                writer.Write(MemoryMarshal.AsBytes(level.LogProb.AsSpan()));
                if (k < model.Order - 1)
                {
                    writer.Write(MemoryMarshal.AsBytes(level.LogBackoff.AsSpan()));
                    writer.Write(MemoryMarshal.AsBytes(level.ChildStart.AsSpan()));
                }
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>True when the file starts with this format's magic.</summary>
    public static bool IsCompactFile(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Magic);
    }

    /// <summary>
    /// Loads a model; an <see cref="InvalidDataException"/> naming the file and the problem when it is not this format,
    /// is truncated or damaged, or needs more than <paramref name="maxBytes"/> bytes of memory.
    /// </summary>
    public static NgramLanguageModel Load(string path, long maxBytes = DefaultMaxBytes)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Language model '{path}' does not exist.", path);
        }
        using var stream = File.OpenRead(path);
        var length = stream.Length;
        using var reader = new BinaryReader(stream);
        Span<byte> magic = stackalloc byte[8];
        if (stream.ReadAtLeast(magic, 8, throwOnEndOfStream: false) != 8 || !magic.SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not an AcousticDistill language model (it does not start with 'ADLM0001'); convert ARPA or CMU Sphinx models with `acoustic lm convert`.");
        }
        var order = ReadInt(reader, path);
        var vocabularySize = ReadInt(reader, path);
        if (order is < 1 or > NgramTrieBuilder.MaxOrder || vocabularySize < 1)
        {
            throw new InvalidDataException($"{path}: order {order} and vocabulary {vocabularySize} are not a language model's.");
        }
        var counts = new int[order];
        for (var k = 0; k < order; k++)
        {
            counts[k] = ReadInt(reader, path);
        }
        var vocabularyBytes = ReadInt(reader, path);
        if (counts[0] != vocabularySize || counts.Any(c => c < 0) || vocabularyBytes < vocabularySize)
        {
            throw new InvalidDataException($"{path}: the header's counts ({string.Join(", ", counts)}) do not fit a vocabulary of {vocabularySize} words.");
        }
        var arrays = 0L;
        for (var k = 0; k < order; k++)
        {
            arrays += 4L * counts[k] * ((k > 0 ? 1 : 0) + 1 + (k < order - 1 ? 2 : 0)) + (k < order - 1 ? 4 : 0);
        }
        var expected = 8 + 4L * (3 + order) + vocabularyBytes + arrays;
        if (length != expected)
        {
            throw new InvalidDataException($"{path} is {length:N0} bytes but its header describes {expected:N0}: the file is {(length < expected ? "truncated" : "followed by unexpected data")}.");
        }
        if (arrays > maxBytes)
        {
            throw new InvalidDataException($"{path} needs {arrays / 1048576.0:N1} MB of memory, more than the limit of {maxBytes / 1048576.0:N1} MB.");
        }
        var words = Encoding.UTF8.GetString(reader.ReadBytes(vocabularyBytes)).Split('\0');
        if (words.Length != vocabularySize + 1 || words[^1].Length != 0)
        {
            throw new InvalidDataException($"{path}: the vocabulary holds {words.Length - 1} words, the header says {vocabularySize}.");
        }
        var levels = new NgramLevel[order];
        for (var k = 0; k < order; k++)
        {
            var word = k > 0 ? ReadArray<int>(stream, counts[k]) : null;
            var prob = ReadArray<float>(stream, counts[k]);
            var backoff = k < order - 1 ? ReadArray<float>(stream, counts[k]) : null;
            var childStart = k < order - 1 ? ReadArray<int>(stream, counts[k] + 1) : null;
            levels[k] = new NgramLevel(word, prob, backoff, childStart);
        }
        Check(path, levels, vocabularySize);
        return new NgramLanguageModel(words[..^1], levels);
    }

    // The trie's invariants: what binary search and child ranges rely on.
    private static void Check(string path, NgramLevel[] levels, int vocabularySize)
    {
        for (var k = 0; k < levels.Length; k++)
        {
            var level = levels[k];
            if (Array.FindIndex(level.LogProb, p => !(p <= 0.001f) || float.IsNegativeInfinity(p)) is var bad and >= 0)
            {
                throw new InvalidDataException($"{path}: the {k + 1}-gram #{bad} has log probability {level.LogProb[bad]}, not a finite value ≤ 0.");
            }
            if (level.LogBackoff is { } backoffs && Array.FindIndex(backoffs, b => !float.IsFinite(b)) is var badBackoff and >= 0)
            {
                throw new InvalidDataException($"{path}: the {k + 1}-gram #{badBackoff} has back-off weight {backoffs[badBackoff]}.");
            }
            if (level.ChildStart is { } starts)
            {
                var next = levels[k + 1];
                if (starts[0] != 0 || starts[^1] != next.Count)
                {
                    throw new InvalidDataException($"{path}: the {k + 1}-grams' child ranges do not cover the {next.Count} {k + 2}-grams.");
                }
                for (var i = 0; i < level.Count; i++)
                {
                    var (first, end) = (starts[i], starts[i + 1]);
                    if (end < first)
                    {
                        throw new InvalidDataException($"{path}: the child range of {k + 1}-gram #{i} runs backwards.");
                    }
                    for (var j = first; j < end; j++)
                    {
                        var w = next.Word![j];
                        if ((uint)w >= (uint)vocabularySize || (j > first && w <= next.Word[j - 1]))
                        {
                            throw new InvalidDataException($"{path}: {k + 2}-gram #{j} has word id {w}, out of range or out of order.");
                        }
                    }
                }
            }
        }
    }

    private static int ReadInt(BinaryReader reader, string path)
    {
        try
        {
            return reader.ReadInt32();
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} ends inside its header: the file is truncated.");
        }
    }

    private static T[] ReadArray<T>(Stream stream, int count) where T : unmanaged
    {
        var array = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
