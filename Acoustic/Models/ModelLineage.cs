namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Where a model came from: its role, the models it learned from, the data, the distillation settings,
/// the seed and the code version. Recorded in the artifact so any served model can be explained and rebuilt.
/// </summary>
public sealed record ModelLineage(
    string Role,
    IReadOnlyList<string> Teachers,
    string Corpus,
    double? Temperature,
    double? Alpha,
    int Seed,
    string CodeVersion,
    DateTimeOffset Created)
{
    /// <summary>Lineage of a model trained from scratch on hard labels.</summary>
    public static ModelLineage Baseline(string corpus, int seed) =>
        new("baseline", [], corpus, null, null, seed, Models.CodeVersion.Current, DateTimeOffset.UtcNow);
}
