namespace AcousticDistill.Acoustic.Models;

/// <summary>A model file that is corrupt, truncated, of another format, or that does not fit its own metadata.</summary>
public sealed class ModelArtifactException(string message, Exception? inner = null) : IOException(message, inner);
