using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Distillation;

/// <summary>
/// Soft targets kept on disk between runs, keyed by everything they depend on (teachers, transfer set,
/// temperature, combination): a study that distils several students at one temperature computes the
/// teachers' outputs once. Files are <see cref="SoftTargetFile"/>s.
/// </summary>
public sealed class SoftTargetCache(string directory)
{
    /// <summary>A stable file-name key from the parts the targets depend on.</summary>
    public static string Key(params object[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..32];

    /// <summary>The cached targets for <paramref name="key"/> if present with the right shape, else computed and stored.</summary>
    public Tensor GetOrCompute(string key, long rows, int columns, Func<Tensor> compute)
    {
        var path = Path.Combine(directory, $"soft-{key}.f32");
        if (SoftTargetFile.Fits(path, rows, columns))
        {
            return SoftTargetFile.Read(path, rows, columns);
        }
        var targets = compute();
        SoftTargetFile.Write(path, targets);
        return targets;
    }
}
