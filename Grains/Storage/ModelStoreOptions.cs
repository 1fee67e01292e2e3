namespace AcousticDistill.Grains.Storage;

/// <summary>Where the file-system model store keeps artifacts.</summary>
public sealed class ModelStoreOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ModelStore";

    /// <summary>Root folder of the store (shared by every silo that uses it).</summary>
    public string Path { get; set; } = "model-store";
}
