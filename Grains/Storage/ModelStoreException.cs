namespace AcousticDistill.Grains.Storage;

/// <summary>A model store refused a request: unknown id, malformed id, or an artifact whose bytes do not match its hash.</summary>
public sealed class ModelStoreException(string message) : Exception(message);
