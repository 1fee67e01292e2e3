namespace AcousticDistill.Grains.Interfaces.Corpora;

/// <summary>
/// The data of one model family (key = family): registering a new corpus snapshot records it and wakes the family's
/// distillation scheduler, whose next job distils on that snapshot.
/// </summary>
[Alias("AcousticDistill.ICorpusGrain")]
public interface ICorpusGrain : IGrainWithStringKey
{
    /// <summary>Checks the folder is a corpus, records it as the newest snapshot and wakes the scheduler.</summary>
    [Alias("RegisterSnapshot")]
    Task<CorpusSnapshot> RegisterSnapshotAsync(string corpusDirectory, CancellationToken cancellationToken = default);

    /// <summary>Every snapshot, oldest first.</summary>
    [Alias("GetSnapshots")]
    Task<ImmutableArray<CorpusSnapshot>> GetSnapshotsAsync(CancellationToken cancellationToken = default);
}
