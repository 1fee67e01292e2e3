using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Soft targets as a file: raw float32 rows [frames, classes] and nothing else (the reader states the shape it expects).
/// Written in chunks to a temporary file and renamed into place, so a file under its final name is always complete; read
/// in chunks, so neither side holds a second copy of a large transfer set's targets.
/// </summary>
public static class SoftTargetFile
{
    private const int ChunkFloats = 1 << 20;

    /// <summary>True when <paramref name="path"/> exists and holds exactly <paramref name="rows"/> × <paramref name="columns"/> floats.</summary>
    public static bool Fits(string path, long rows, int columns) =>
        File.Exists(path) && new FileInfo(path).Length == rows * columns * sizeof(float);

    /// <summary>Writes <paramref name="targets"/> (any device; 2-D float32) to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, Tensor targets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            using (var cpu = targets.cpu().contiguous().view(-1))
            using (var file = File.Create(temp))
            {
                var total = cpu.shape[0];
                for (long offset = 0; offset < total; offset += ChunkFloats)
                {
                    var count = (int)Math.Min(ChunkFloats, total - offset);
                    using var chunk = cpu.narrow(0, offset, count);
                    file.Write(MemoryMarshal.AsBytes(chunk.data<float>().ToArray().AsSpan()));
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads [<paramref name="rows"/>, <paramref name="columns"/>] float32 (CPU); a file of another size is refused.</summary>
    public static Tensor Read(string path, long rows, int columns)
    {
        if (!Fits(path, rows, columns))
        {
            throw new InvalidDataException(File.Exists(path)
                ? $"Soft targets '{path}' hold {new FileInfo(path).Length} bytes, not {rows} × {columns} float32 rows."
                : $"Soft targets '{path}' are missing.");
        }
        var result = empty(rows, columns, dtype: ScalarType.Float32);
        var buffer = new float[ChunkFloats];
        using var file = File.OpenRead(path);
        using var flat = result.view(-1);
        for (long offset = 0; offset < rows * columns; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, rows * columns - offset);
            file.ReadExactly(MemoryMarshal.AsBytes(buffer.AsSpan(0, count)));
            using var chunk = tensor(buffer.AsSpan(0, count).ToArray());
            flat.narrow(0, offset, count).copy_(chunk);
        }
        return result;
    }
}
