namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// A family's serving version, loaded and ready to score: shared (read-only) by every session on this silo. Its
/// <paramref name="Scorer"/> applies the acoustic scale tuned for grammars; <paramref name="OpenVocabularyScorer"/>, the
/// same network, the one tuned for open vocabulary (null: the same scorer).
/// </summary>
public sealed record ServingModel(string Family, string VersionId, AcousticScorer Scorer, AcousticScorer? OpenVocabularyScorer = null);
