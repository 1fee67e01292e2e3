namespace AcousticDistill.Grains.Transcription;

/// <summary>A family's serving version, loaded and ready to score: shared (read-only) by every session on this silo.</summary>
public sealed record ServingModel(string Family, string VersionId, AcousticScorer Scorer);
