using AcousticDistill.Grains.Transcription;

using System.Collections.Immutable;

namespace AcousticDistill.Grains.Registry;

/// <summary>Versions of one model family with a guarded promotion; state holds ids and metrics only.</summary>
public sealed class ModelRegistryGrain(
    [PersistentState("registry", Constants.StateStorage)] IPersistentState<ModelRegistryState> state,
    IModelStore store,
    IOptions<ModelRegistryOptions> options,
    IOptions<TranscriptionOptions> transcription,
    AcousticMetrics metrics,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    private string Family => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Versions.Count == 0
            && await store.GetManifestAsync(RegistryManifest.NameOf(Family), cancellationToken) is { } manifest)
        {
            state.State = RegistryManifest.Read(manifest, Family);
            logger.LogInformation("Family {Family}: registry rebuilt from the model store ({Versions} versions)", Family, state.State.Versions.Count);
        }
        foreach (var version in state.State.Versions)
        {
            metrics.SetFrameAccuracy(Family, version.Id, version.Lineage.Role, version.Metrics.DevFrameAccuracy);
        }
        if (ServingId is { } serving)
        {
            metrics.SetServing(Family, serving);
        }
    }

    /// <inheritdoc />
    public async Task<ModelVersion> RegisterAsync(ModelVersion candidate, CancellationToken cancellationToken = default)
    {
        ModelId.Validate(candidate.Id);
        if (candidate.Family != Family)
        {
            throw new ArgumentException($"Version {candidate.Id} belongs to family '{candidate.Family}', not '{Family}'.");
        }
        if (Find(candidate.Id) is { } known)
        {
            return known;
        }
        if (!await store.ContainsAsync(candidate.Id, cancellationToken))
        {
            throw new ArgumentException($"Version {candidate.Id} has no artifact in the model store; store it before registering.");
        }
        var verified = await VerifyAsync(candidate, cancellationToken);
        var registered = candidate with
        {
            Metrics = verified,
            Status = ModelVersionStatus.Candidate,
            StatusReason = null,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        state.State.Versions.Add(registered);
        await SaveAsync(cancellationToken);
        metrics.SetFrameAccuracy(Family, registered.Id, registered.Lineage.Role, registered.Metrics.DevFrameAccuracy);
        return registered;
    }

    /// <inheritdoc />
    public async Task<PromotionDecision> PromoteAsync(string versionId, CancellationToken cancellationToken = default)
    {
        var candidate = Find(versionId) ?? throw new ArgumentException($"Version {versionId} is not registered in family '{Family}'.");
        if (candidate.Status == ModelVersionStatus.Serving)
        {
            return new PromotionDecision(true, versionId, versionId, "already serving");
        }
        var serving = ServingId is { } id ? Find(id) : null;
        var tolerance = options.Value.PromotionTolerancePoints / 100.0;
        if (serving is not null && candidate.Metrics.DevFrameAccuracy < serving.Metrics.DevFrameAccuracy - tolerance)
        {
            var reason = $"dev frame accuracy {candidate.Metrics.DevFrameAccuracy:P2} is below serving {serving.Metrics.DevFrameAccuracy:P2} " +
                         $"minus the tolerance of {options.Value.PromotionTolerancePoints} points";
            Replace(candidate with { Status = ModelVersionStatus.Rejected, StatusReason = reason });
            await SaveAsync(cancellationToken);
            logger.LogInformation("Family {Family}: rejected {Candidate}: {Reason}", Family, versionId, reason);
            return new PromotionDecision(false, versionId, serving.Id, reason);
        }

        if (serving is not null)
        {
            Replace(serving with { Status = ModelVersionStatus.Retired, StatusReason = $"replaced by {versionId}" });
        }
        var why = serving is null
            ? "first version of the family"
            : $"dev frame accuracy {candidate.Metrics.DevFrameAccuracy:P2} vs serving {serving.Metrics.DevFrameAccuracy:P2}";
        Replace(candidate with { Status = ModelVersionStatus.Serving, StatusReason = why });
        state.State.ServingHistory.Add(versionId);
        await SaveAsync(cancellationToken);
        metrics.SetServing(Family, versionId);
        logger.LogInformation("Family {Family}: promoted {Candidate} ({Reason})", Family, versionId, why);
        return new PromotionDecision(true, versionId, versionId, why);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> RollbackAsync(CancellationToken cancellationToken = default)
    {
        var history = state.State.ServingHistory;
        if (history.Count < 2)
        {
            throw new InvalidOperationException($"Family '{Family}' has no earlier serving version to roll back to.");
        }
        var current = Find(history[^1])!;
        var previous = Find(history[^2])!;
        Replace(current with { Status = ModelVersionStatus.Retired, StatusReason = "rolled back" });
        var restored = previous with { Status = ModelVersionStatus.Serving, StatusReason = $"restored by rollback of {current.Id}" };
        Replace(restored);
        history.RemoveAt(history.Count - 1);
        await SaveAsync(cancellationToken);
        metrics.SetServing(Family, restored.Id);
        logger.LogInformation("Family {Family}: rolled back {Current} to {Previous}", Family, current.Id, previous.Id);
        return restored;
    }

    /// <inheritdoc />
    public Task<ModelVersion?> GetServingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ServingId is { } id ? Find(id) : null);

    /// <inheritdoc />
    public Task<ImmutableArray<ModelVersion>> GetVersionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Versions.ToImmutableArray());

    /// <summary>The candidate's metrics as its stored artifact confirms them (see <see cref="ArtifactClaims"/>).</summary>
    private async Task<ModelMetrics> VerifyAsync(ModelVersion candidate, CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(candidate.Id, cancellationToken);
        ModelArtifact artifact;
        try
        {
            artifact = ModelArtifact.Deserialize(bytes, $"Version {candidate.Id}");
        }
        catch (ModelArtifactException ex)
        {
            // No inner exception: the caller may be a client in another process, and the library's exception type has no Orleans codec.
            throw new ArgumentException($"Version {candidate.Id} is not a readable model artifact: {ex.Message}");
        }
        artifact.Model.Dispose(); // only the metadata is needed here
        int? rate = transcription.Value.Families.TryGetValue(Family, out var r) ? r : null;
        return ArtifactClaims.Verify(candidate, artifact.Metadata, Family, rate, options.Value.ClaimedAccuracyTolerancePoints);
    }

    /// <summary>Writes grain state and the registry manifest in the model store (from which the state can be rebuilt).</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(cancellationToken);
        await store.PutManifestAsync(RegistryManifest.NameOf(Family), RegistryManifest.Write(state.State), cancellationToken);
    }

    private string? ServingId => state.State.ServingHistory.Count == 0 ? null : state.State.ServingHistory[^1];

    private ModelVersion? Find(string id) => state.State.Versions.Find(v => v.Id == id);

    private void Replace(ModelVersion version) =>
        state.State.Versions[state.State.Versions.FindIndex(v => v.Id == version.Id)] = version;
}
