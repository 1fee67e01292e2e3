namespace AcousticDistill.Grains.Corpora;

/// <summary>Persisted snapshots of a family's data (folder names and counts, never the audio).</summary>
[GenerateSerializer, Alias("AcousticDistill.CorpusState")]
public sealed class CorpusState
{
    /// <summary>Snapshots, oldest first.</summary>
    [Id(0)]
    public List<CorpusSnapshot> Snapshots { get; set; } = [];
}
