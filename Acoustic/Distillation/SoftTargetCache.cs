using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Soft targets kept on disk between runs, keyed by everything they depend on (teachers, transfer set,
/// temperature, combination): a study that distils several students at one temperature computes the
/// teachers' outputs once. Files are raw float32 rows, written in chunks and renamed into place when complete.
/// </summary>
public sealed class SoftTargetCache(string directory)
{
    private const int ChunkFloats = 1 << 20;

    /// <summary>A stable file-name key from the parts the targets depend on.</summary>
    public static string Key(params object[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..32];

    /// <summary>The cached targets for <paramref name="key"/> if present with the right shape, else computed and stored.</summary>
    public Tensor GetOrCompute(string key, long rows, int columns, Func<Tensor> compute)
    {
        var path = Path.Combine(directory, $"soft-{key}.f32");
        var expectedBytes = rows * columns * sizeof(float);
        if (File.Exists(path) && new FileInfo(path).Length == expectedBytes)
        {
            return Read(path, rows, columns);
        }
        var targets = compute();
        Write(path, targets);
        return targets;
    }

    private static Tensor Read(string path, long rows, int columns)
    {
        var result = empty(rows, columns, dtype: ScalarType.Float32);
        var buffer = new float[ChunkFloats];
        using var file = File.OpenRead(path);
        long offset = 0;
        var flat = result.view(-1);
        while (offset < rows * columns)
        {
            var count = (int)Math.Min(buffer.Length, rows * columns - offset);
            file.ReadExactly(MemoryMarshal.AsBytes(buffer.AsSpan(0, count)));
            flat.narrow(0, offset, count).copy_(tensor(buffer.AsSpan(0, count).ToArray()));
            offset += count;
        }
        return result;
    }

    private void Write(string path, Tensor targets)
    {
        Directory.CreateDirectory(directory);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
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
}
