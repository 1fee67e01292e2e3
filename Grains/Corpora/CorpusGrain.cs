using System.Collections.Immutable;
using AcousticDistill.Acoustic.Corpus;

namespace AcousticDistill.Grains.Corpora;

/// <summary>A family's corpus snapshots; a new one wakes the family's scheduler (the scheduler never calls back, so no call cycle).</summary>
public sealed class CorpusGrain(
    [PersistentState("corpus", Constants.StateStorage)] IPersistentState<CorpusState> state) : Grain, ICorpusGrain
{
    /// <inheritdoc />
    public async Task<CorpusSnapshot> RegisterSnapshotAsync(string corpusDirectory, CancellationToken cancellationToken = default)
    {
        var family = this.GetPrimaryKeyString();
        var manifest = CorpusManifest.Load(corpusDirectory); // a small JSON file: fine on a grain turn
        if (!manifest.InSplit(CorpusSplit.Train).Any() || !manifest.InSplit(CorpusSplit.Dev).Any())
        {
            throw new ArgumentException($"Corpus '{manifest.Name}' at '{corpusDirectory}' needs train and dev splits to distil and judge a student.");
        }
        var snapshot = new CorpusSnapshot(family, Path.GetFullPath(corpusDirectory), manifest.Name, manifest.Utterances.Count, DateTimeOffset.UtcNow);
        state.State.Snapshots.Add(snapshot);
        await state.WriteStateAsync(cancellationToken);
        await GrainFactory.GetGrain<IDistillationSchedulerGrain>(family).NewDataAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <inheritdoc />
    public Task<ImmutableArray<CorpusSnapshot>> GetSnapshotsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Snapshots.ToImmutableArray());
}
