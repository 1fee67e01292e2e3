namespace AcousticDistill.Acoustic.UseCases;

/// <summary>A network fresh from training (on the CPU), its artifact metadata, and how training went.</summary>
public sealed record TrainedModel(FrameClassifier Model, ModelMetadata Metadata, TrainingReport Report) : IDisposable
{
    /// <summary>The model artifact's bytes (weights and metadata, hash-checked when read back).</summary>
    public byte[] Serialize() => ModelArtifact.Serialize(Model, Metadata);

    /// <summary>Writes the artifact to <paramref name="path"/> and returns its content hash.</summary>
    public string Save(string path)
    {
        ModelArtifact.Save(path, Model, Metadata);
        return ModelArtifact.ContentHash(File.ReadAllBytes(path));
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
