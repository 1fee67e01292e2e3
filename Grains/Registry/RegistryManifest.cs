using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcousticDistill.Grains.Registry;

/// <summary>
/// A family's registry as JSON in the model store, written after every change, so a registry whose grain state was
/// lost (in-memory storage, silo restart) is rebuilt from the store it points into.
/// </summary>
public static class RegistryManifest
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Manifest name of a family's registry.</summary>
    public static string NameOf(string family) => $"registry.{family}";

    /// <summary>The state as UTF-8 JSON.</summary>
    public static byte[] Write(ModelRegistryState state) => JsonSerializer.SerializeToUtf8Bytes(state, s_json);

    /// <summary>The state from UTF-8 JSON; a clear error when it is damaged.</summary>
    public static ModelRegistryState Read(byte[] json, string family)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelRegistryState>(json, s_json)
                ?? throw new InvalidDataException($"The registry manifest of '{family}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The registry manifest of '{family}' is not valid: {ex.Message}", ex);
        }
    }
}
