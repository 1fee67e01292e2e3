namespace AcousticDistill.Grains.Distillation;

/// <summary>Translates the library's artifact lineage into the registry's message types.</summary>
public static class RegistryRecords
{
    /// <summary>The registry's view of an artifact's lineage.</summary>
    public static ModelLineageInfo Lineage(ModelLineage lineage) => new(
        lineage.Role,
        [.. lineage.Teachers],
        lineage.Corpus,
        lineage.Temperature,
        lineage.Alpha,
        lineage.Seed,
        lineage.CodeVersion,
        lineage.Created);
}
