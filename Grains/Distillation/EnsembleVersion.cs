using System.Text;

namespace AcousticDistill.Grains.Distillation;

/// <summary>
/// A content id for an ensemble, which has no single artifact: the SHA-256 of its members' ids (their SHA-256s) in
/// order, one per line. The same members in the same order always give the same id, so the ensemble's metrics line up
/// across jobs.
/// </summary>
public static class EnsembleVersion
{
    /// <summary>The ensemble id of <paramref name="memberIds"/>.</summary>
    public static string Of(IEnumerable<string> memberIds) => ModelId.Of(Encoding.UTF8.GetBytes(string.Join("\n", memberIds)));
}
