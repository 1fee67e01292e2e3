using System.Security.Cryptography;

namespace AcousticDistill.Grains.Storage;

/// <summary>Content addresses: lower-case hex SHA-256, 64 characters.</summary>
public static class ModelId
{
    /// <summary>The id of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>True for 64 lower-case hex characters (so an id can never name a path outside the store).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 64 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Throws a clear error for an id that is not a content address.</summary>
    public static void Validate(string? id)
    {
        if (!IsValid(id))
        {
            throw new ModelStoreException($"'{id}' is not a model id (expected 64 lower-case hex characters of a SHA-256).");
        }
    }
}
