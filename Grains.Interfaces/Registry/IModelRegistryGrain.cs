namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>
/// The versions of one model family (key = family, e.g. <c>en-16k</c>): registration, a guarded promotion,
/// rollback to the previously serving version, and the serving version for sessions to load.
/// </summary>
[Alias("AcousticDistill.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a candidate (idempotent for an id already known). Its artifact must be in the model store and be a model of
    /// this family (and of its sample rate); the dev frame accuracy kept for promotion is the one the artifact's metadata
    /// records, and a stated accuracy that disagrees with it beyond a small tolerance is refused (<see cref="ArgumentException"/>).
    /// </summary>
    [Alias("Register")]
    Task<ModelVersion> RegisterAsync(ModelVersion candidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a registered version serve if its dev frame accuracy is at least the serving version's minus the
    /// tolerance; otherwise marks it rejected with the reason. The first version of a family always serves.
    /// </summary>
    [Alias("Promote")]
    Task<PromotionDecision> PromoteAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>Puts the previously serving version back; the current one is retired. Fails clearly when there is none.</summary>
    [Alias("Rollback")]
    Task<ModelVersion> RollbackAsync(CancellationToken cancellationToken = default);

    /// <summary>The serving version, or null when nothing has been promoted yet.</summary>
    [Alias("GetServing")]
    Task<ModelVersion?> GetServingAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version in registration order.</summary>
    [Alias("GetVersions")]
    Task<ImmutableArray<ModelVersion>> GetVersionsAsync(CancellationToken cancellationToken = default);
}
