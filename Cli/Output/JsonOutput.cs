using System.Text.Json;

namespace AcousticDistill.Cli.Output;

/// <summary>Prints a result either as one JSON document on stdout or as human text.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print(bool json, object result, Action human)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(result, s_options));
        }
        else
        {
            human();
        }
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, s_options);
}
